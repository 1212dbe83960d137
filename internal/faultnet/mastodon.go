package faultnet

import (
	"fmt"
	"html"
	"net/http"
	"strings"
	"sync"
	"time"
)

// IdempotencyTTL is how long Mastodon remembers an Idempotency-Key.
const IdempotencyTTL = time.Hour

// Mastodon is a fake Mastodon instance: POST /api/v1/statuses (form fields,
// Bearer token, Idempotency-Key kept for an hour as the real server does),
// GET /api/v2/instance, and the two account endpoints a client reads to
// reconcile (verify_credentials and the account's statuses).
type Mastodon struct {
	*Server
	// Token is the access token accepted, of account 1; empty accepts any
	// Bearer token, each one the token of an account of its own (ids
	// from 1, in the order they are first seen), whose statuses are all
	// the instance's.
	Token string
	// Bug40399 answers a repeated Idempotency-Key with 500 instead of the
	// status already created, as some Mastodon versions do
	// (mastodon/mastodon#40399); no second status is made.
	Bug40399 bool

	mu    sync.Mutex
	ids   map[string]string // Authorization → account id, when Token is empty
	byKey map[string]mastoStatus
	all   []mastoStatus // oldest first
}

type mastoStatus struct {
	ID, Text, Key string
	At            time.Time
}

// NewMastodon starts a fake Mastodon instance; Close it when done.
func NewMastodon() *Mastodon {
	m := &Mastodon{byKey: map[string]mastoStatus{}}
	m.Server = newServer(http.HandlerFunc(m.serve))
	return m
}

var mastoProto = proto{
	errBody: func(code int) []byte {
		msg := map[int]string{
			401: "The access token is invalid",
			429: "Too many requests",
			500: "We're sorry, but something went wrong on our end.",
		}[code]
		if msg == "" {
			msg = http.StatusText(code)
		}
		return jsonReply(code, map[string]string{"error": msg}).body
	},
	rateHeaders: func(h http.Header, reset time.Time) {
		h.Set("X-RateLimit-Limit", "300")
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Reset", reset.UTC().Format("2006-01-02T15:04:05.000Z"))
	},
}

func (m *Mastodon) serve(w http.ResponseWriter, r *http.Request) {
	if m.serveEcho(w, r, mastoProto, func(_ string, _ int, echo string) any { return map[string]string{"error": echo} }) {
		return
	}
	public := r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/instance") // no token needed
	if !public && !m.authorized(r) {
		write(w, reply{code: 401, body: mastoProto.errBody(401)})
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/api/v1/statuses":
		if err := r.ParseForm(); err != nil || strings.TrimSpace(r.PostForm.Get("status")) == "" {
			write(w, jsonReply(422, map[string]string{"error": "Validation failed: Text can't be blank"}))
			return
		}
		m.serveCreate(w, r, mastoProto, func() reply { return m.create(r.Header.Get("Idempotency-Key"), r.PostForm.Get("status")) })
	case r.Method == http.MethodGet && r.URL.Path == "/api/v2/instance":
		write(w, jsonReply(200, map[string]any{"domain": "fake.example", "configuration": map[string]any{
			"statuses": map[string]any{"max_characters": 500, "characters_reserved_per_url": 23}}}))
	case r.Method == http.MethodGet && r.URL.Path == "/api/v1/accounts/verify_credentials":
		acct := m.account()
		acct["id"] = m.accountID(r.Header.Get("Authorization"))
		write(w, jsonReply(200, acct))
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/api/v1/accounts/") && strings.HasSuffix(r.URL.Path, "/statuses"):
		m.mu.Lock()
		out := make([]map[string]any, 0, len(m.all))
		for i := len(m.all) - 1; i >= 0 && len(out) < 40; i-- {
			out = append(out, m.entity(m.all[i]))
		}
		m.mu.Unlock()
		write(w, jsonReply(200, out))
	default:
		write(w, jsonReply(404, map[string]string{"error": "Record not found"}))
	}
}

func (m *Mastodon) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	if m.Token == "" {
		return strings.HasPrefix(auth, "Bearer ") && len(auth) > len("Bearer ")
	}
	return auth == "Bearer "+m.Token
}

// create makes a status, or answers with the one a live key already made.
func (m *Mastodon) create(key, text string) reply {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if st, ok := m.byKey[key]; ok && key != "" && now.Sub(st.At) < IdempotencyTTL {
		if m.Bug40399 {
			return reply{code: 500, body: mastoProto.errBody(500)}
		}
		return jsonReply(200, m.entity(st))
	}
	st := mastoStatus{ID: fmt.Sprintf("1132%014d", len(m.all)+1), Text: text, Key: key, At: now}
	m.all = append(m.all, st)
	if key != "" {
		m.byKey[key] = st
	}
	m.record(Created{Key: key, Text: text, ID: st.ID, At: now})
	return jsonReply(200, m.entity(st))
}

// accountID is the id of the account whose token auth carries.
func (m *Mastodon) accountID(auth string) string {
	if m.Token != "" {
		return "1"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ids == nil {
		m.ids = map[string]string{}
	}
	if m.ids[auth] == "" {
		m.ids[auth] = fmt.Sprint(len(m.ids) + 1)
	}
	return m.ids[auth]
}

func (m *Mastodon) account() map[string]any {
	return map[string]any{"id": "1", "username": "hookline", "acct": "hookline", "url": m.URL + "/@hookline"}
}

// entity is the Status entity, its content rendered to HTML the way
// Mastodon renders plain text: paragraphs and line breaks.
func (m *Mastodon) entity(st mastoStatus) map[string]any {
	var paras []string
	for _, p := range strings.Split(st.Text, "\n\n") {
		paras = append(paras, "<p>"+strings.ReplaceAll(html.EscapeString(p), "\n", "<br />")+"</p>")
	}
	return map[string]any{
		"id": st.ID, "uri": m.URL + "/users/hookline/statuses/" + st.ID, "url": m.URL + "/@hookline/" + st.ID,
		"created_at": st.At.UTC().Format("2006-01-02T15:04:05.000Z"), "content": strings.Join(paras, ""),
		"visibility": "public", "account": m.account(), "media_attachments": []any{}, "mentions": []any{},
		"tags": []any{}, "emojis": []any{},
	}
}

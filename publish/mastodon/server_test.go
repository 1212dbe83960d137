package mastodon_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// specDir holds the Mastodon documentation pages the fake server follows.
var specDir = filepath.Join("..", "..", "..", "shared", "specs", "mastodon")

// specJSON returns the first ```json block of a spec page that comes after
// the lines containing each of headings, in order.
func specJSON(t *testing.T, page string, headings ...string) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join(specDir, page))
	if err != nil {
		t.Fatalf("spec: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var block []string
	in := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case len(headings) > 0:
			if strings.Contains(line, headings[0]) {
				headings = headings[1:]
			}
		case !in && line == "```json":
			in = true
		case in && line == "```":
			data := []byte(strings.Join(block, "\n"))
			if !json.Valid(data) {
				t.Fatalf("spec %s: block is not JSON", page)
			}
			return data
		case in:
			block = append(block, line)
		}
	}
	t.Fatalf("spec %s: no json block after the headings", page)
	return nil
}

// server is an httptest Mastodon instance that follows the spec pages:
// POST /api/v1/statuses (form fields, Bearer token, Idempotency-Key kept as
// the real server does), GET /api/v2/instance and /api/v1/instance, and the
// two account endpoints reconciliation reads.
type server struct {
	t   *testing.T
	srv *httptest.Server

	token    string
	maxChars int

	// Behaviour switches, set before the requests they affect.
	failPost     int           // reply to POST statuses with this status code
	rateReset    string        // X-RateLimit-Reset sent with a 429
	bugRepeat500 bool          // answer a repeated key with 500 (mastodon#40399)
	dropReply    bool          // create the status, then close the connection
	slow         chan struct{} // block POST statuses until closed or the client gives up
	noV2         bool          // 404 on /api/v2/instance
	noV1         bool          // 404 on /api/v1/instance
	noReadScope  bool          // 403 on the read endpoints reconciliation uses
	ignoreKey    bool          // make a new status for every POST, key or not (servers that ignore it)
	instanceV2   []byte
	instanceV1   []byte

	mu       sync.Mutex
	requests []request
	statuses []map[string]any // newest last
	byKey    map[string]map[string]any
}

type request struct {
	method, path string
	header       http.Header
	form         map[string][]string
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := &server{
		t:          t,
		token:      "tok-SECRET-1234567890",
		maxChars:   500,
		instanceV2: specJSON(t, "methods-instance.md", "## View server information {#v2}"),
		instanceV1: specJSON(t, "methods-instance.md", "## View server information (v1)"),
		byKey:      map[string]map[string]any{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *server) URL() string { return s.srv.URL }

func (s *server) log() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]request(nil), s.requests...)
}

func (s *server) created() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.statuses)
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.t.Errorf("%s %s: parse form: %v", r.Method, r.URL.Path, err)
	}
	s.mu.Lock()
	s.requests = append(s.requests, request{r.Method, r.URL.Path, r.Header.Clone(), r.PostForm})
	s.mu.Unlock()

	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/api/v2/instance":
		s.instance(w, s.noV2, s.instanceV2)
	case r.Method == http.MethodGet && r.URL.Path == "/api/v1/instance":
		s.instance(w, s.noV1, s.instanceV1)
	case r.Method == http.MethodPost && r.URL.Path == "/api/v1/statuses":
		s.postStatus(w, r)
	case r.Method == http.MethodGet && r.URL.Path == "/api/v1/accounts/verify_credentials":
		if s.authorized(w, r) && s.readScope(w) {
			s.json(w, http.StatusOK, map[string]any{"id": "1", "username": "hookline", "acct": "hookline"})
		}
	case r.Method == http.MethodGet && r.URL.Path == "/api/v1/accounts/1/statuses":
		if s.authorized(w, r) && s.readScope(w) {
			s.accountStatuses(w, r)
		}
	default:
		s.json(w, http.StatusNotFound, map[string]string{"error": "Record not found"})
	}
}

func (s *server) instance(w http.ResponseWriter, missing bool, doc []byte) {
	if missing {
		s.json(w, http.StatusNotFound, map[string]string{"error": "Record not found"})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(doc)
}

func (s *server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") == "Bearer "+s.token {
		return true
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusUnauthorized)
	w.Write(specJSON(s.t, "methods-statuses.md", "## Post a new status", "##### 401"))
	return false
}

func (s *server) readScope(w http.ResponseWriter) bool {
	if s.noReadScope {
		s.json(w, http.StatusForbidden, map[string]string{"error": "This action is outside the authorized scopes"})
	}
	return !s.noReadScope
}

func (s *server) postStatus(w http.ResponseWriter, r *http.Request) {
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		s.t.Errorf("POST statuses: Content-Type %q, want form", ct)
	}
	if s.slow != nil {
		select {
		case <-s.slow:
		case <-r.Context().Done():
			return
		}
	}
	if !s.authorized(w, r) {
		return
	}
	switch s.failPost {
	case 0:
	case http.StatusForbidden:
		s.json(w, s.failPost, map[string]string{"error": "This action is outside the authorized scopes"})
		return
	case http.StatusTooManyRequests:
		w.Header().Set("X-RateLimit-Limit", "300")
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", s.rateReset)
		s.json(w, s.failPost, map[string]string{"error": "Too many requests"})
		return
	default:
		s.json(w, s.failPost, map[string]string{"error": http.StatusText(s.failPost)})
		return
	}
	text := r.PostForm.Get("status")
	if strings.TrimSpace(text) == "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		w.Write(specJSON(s.t, "methods-statuses.md", "## Post a new status", "##### 422"))
		return
	}
	if n := countChars(text); n > s.maxChars {
		s.json(w, http.StatusUnprocessableEntity, map[string]string{
			"error": fmt.Sprintf("Validation failed: Text character limit of %d exceeded", s.maxChars)})
		return
	}
	key := r.Header.Get("Idempotency-Key")
	s.mu.Lock()
	st, repeated := s.byKey[key]
	if s.ignoreKey {
		repeated = false
	}
	if key == "" || !repeated {
		st = s.newStatus(r.PostForm)
		s.statuses = append(s.statuses, st)
		if key != "" {
			s.byKey[key] = st
		}
	}
	s.mu.Unlock()
	if repeated && s.bugRepeat500 {
		s.json(w, http.StatusInternalServerError, map[string]string{"error": "We're sorry, but something went wrong on our end."})
		return
	}
	if s.dropReply {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			s.t.Errorf("hijack: %v", err)
			return
		}
		conn.Close()
		return
	}
	s.json(w, http.StatusOK, st)
}

// newStatus fills the Status entity of the spec with the posted form, its
// content rendered to HTML the way Mastodon renders plain text. Callers hold s.mu.
func (s *server) newStatus(form map[string][]string) map[string]any {
	var st map[string]any
	if err := json.Unmarshal(specJSON(s.t, "entities-Status.md", "## Example"), &st); err != nil {
		s.t.Fatal(err)
	}
	get := func(k string) string {
		if v := form[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	id := fmt.Sprintf("1132%014d", len(s.statuses)+1)
	st["id"] = id
	st["url"] = s.srv.URL + "/@hookline/" + id
	st["uri"] = s.srv.URL + "/users/hookline/statuses/" + id
	st["created_at"] = time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	st["content"] = render(get("status"))
	st["visibility"] = get("visibility")
	st["language"] = get("language")
	st["spoiler_text"] = get("spoiler_text")
	st["card"] = nil
	return st
}

func (s *server) accountStatuses(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("limit") == "" {
		s.t.Errorf("account statuses: no limit in %q", r.URL.RawQuery)
	}
	s.mu.Lock()
	out := make([]map[string]any, 0, len(s.statuses))
	for i := len(s.statuses) - 1; i >= 0; i-- {
		out = append(out, s.statuses[i])
	}
	s.mu.Unlock()
	s.json(w, http.StatusOK, out)
}

func (s *server) json(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		s.t.Errorf("encode: %v", err)
	}
}

var (
	urlRE = regexp.MustCompile(`https?://\S+`)
	tagRE = regexp.MustCompile(`#(\w+)`)
)

// countChars counts as the spec's user-posting page says: every URL as 23.
func countChars(text string) int {
	return len([]rune(urlRE.ReplaceAllString(text, strings.Repeat("x", 23))))
}

// render is Mastodon's plain-text formatter in miniature: paragraphs, line
// breaks, shortened links and hashtag links.
func render(text string) string {
	var paras []string
	for _, p := range strings.Split(text, "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			var words []string
			for _, w := range strings.Fields(l) {
				switch {
				case urlRE.MatchString(w):
					scheme, rest, _ := strings.Cut(w, "://")
					words = append(words, fmt.Sprintf(`<a href="%s" rel="nofollow noopener" target="_blank"><span class="invisible">%s://</span><span class="ellipsis">%s</span><span class="invisible">%s</span></a>`,
						html.EscapeString(w), scheme, html.EscapeString(rest[:min(len(rest), 30)]), html.EscapeString(rest[min(len(rest), 30):])))
				case tagRE.MatchString(w):
					tag := strings.TrimPrefix(w, "#")
					words = append(words, fmt.Sprintf(`<a href="https://example.social/tags/%s" class="mention hashtag" rel="tag">#<span>%s</span></a>`, tag, tag))
				default:
					words = append(words, html.EscapeString(w))
				}
			}
			lines = append(lines, strings.Join(words, " "))
		}
		paras = append(paras, "<p>"+strings.Join(lines, "<br />")+"</p>")
	}
	return strings.Join(paras, "")
}

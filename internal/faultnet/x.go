package faultnet

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// X is a fake X API: POST /2/tweets (OAuth 1.0a or Bearer), refusing a
// post whose text the account already posted with 403 "duplicate
// content" as X does, and the OAuth 2.0 token endpoint, which rotates the
// refresh token at every use.
type X struct {
	*Server
	// RefreshToken is the refresh token the token endpoint accepts first;
	// empty accepts any.
	RefreshToken string

	mu     sync.Mutex
	byText map[string]string // text → post id
	access map[string]bool   // access tokens issued
	nextRT string            // refresh token to accept next, once rotated
	issued int
}

// NewX starts a fake X API; Close it when done.
func NewX() *X {
	x := &X{byText: map[string]string{}, access: map[string]bool{}}
	x.Server = newServer(http.HandlerFunc(x.serve))
	return x
}

// DuplicateDetail is what X says about a post it already has.
const DuplicateDetail = "You are not allowed to create a Tweet with duplicate content."

var xProto = proto{
	errBody: func(code int) []byte {
		title := map[int]string{401: "Unauthorized", 429: "Too Many Requests"}[code]
		if title == "" {
			title = http.StatusText(code)
		}
		return jsonReply(code, map[string]any{"title": title, "detail": title, "type": "about:blank", "status": code}).body
	},
	rateHeaders: func(h http.Header, reset time.Time) {
		h.Set("x-rate-limit-limit", "100")
		h.Set("x-rate-limit-remaining", "0")
		h.Set("x-rate-limit-reset", strconv.FormatInt(reset.Unix(), 10))
	},
}

// xEcho is the echo as X's token endpoint (RFC 6749) or API v2 (a
// Problem with nested errors) words an error.
func xEcho(path string, code int, echo string) any {
	if path == "/2/oauth2/token" {
		return map[string]string{"error": "invalid_request", "error_description": echo}
	}
	return map[string]any{"title": http.StatusText(code), "detail": echo, "type": "about:blank", "status": code,
		"errors": []map[string]string{{"message": echo}}}
}

func (x *X) serve(w http.ResponseWriter, r *http.Request) {
	if x.serveEcho(w, r, xProto, xEcho) {
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/2/oauth2/token":
		x.token(w, r)
	case r.Method == http.MethodPost && r.URL.Path == "/2/tweets":
		if !x.authorized(r) {
			write(w, reply{code: 401, body: xProto.errBody(401)})
			return
		}
		var in struct {
			Text string `json:"text"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || strings.TrimSpace(in.Text) == "" {
			write(w, jsonReply(400, map[string]any{"title": "Invalid Request", "detail": "text is required", "status": 400}))
			return
		}
		x.serveCreate(w, r, xProto, func() reply { return x.create(in.Text) })
	default:
		write(w, jsonReply(404, map[string]any{"title": "Not Found Error", "status": 404}))
	}
}

func (x *X) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	if strings.HasPrefix(auth, "OAuth ") {
		return strings.Contains(auth, "oauth_signature=") && strings.Contains(auth, "oauth_consumer_key=")
	}
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || tok == "" {
		return false
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.access[tok] || len(x.access) == 0 && x.RefreshToken == ""
}

func (x *X) create(text string) reply {
	x.mu.Lock()
	defer x.mu.Unlock()
	if _, ok := x.byText[text]; ok {
		return jsonReply(403, map[string]any{"title": "Forbidden", "type": "about:blank", "status": 403, "detail": DuplicateDetail})
	}
	id := strconv.FormatInt(1800000000000000000+int64(len(x.byText))+1, 10)
	x.byText[text] = id
	x.record(Created{Text: text, ID: id, At: x.now()})
	return jsonReply(201, map[string]any{"data": map[string]string{"id": id, "text": text}})
}

// token answers grant_type=refresh_token with a new access token and a new
// refresh token; the old refresh token stops working.
func (x *X) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.PostForm.Get("grant_type") != "refresh_token" {
		write(w, jsonReply(400, map[string]string{"error": "invalid_request"}))
		return
	}
	rt := r.PostForm.Get("refresh_token")
	x.mu.Lock()
	defer x.mu.Unlock()
	want := x.nextRT
	if want == "" {
		want = x.RefreshToken
	}
	if want != "" && rt != want {
		write(w, jsonReply(400, map[string]string{"error": "invalid_request", "error_description": "Value passed for the token was invalid."}))
		return
	}
	x.issued++
	access := fmt.Sprintf("fake-access-%d", x.issued)
	x.access[access] = true
	x.nextRT = fmt.Sprintf("fake-refresh-%d", x.issued)
	write(w, jsonReply(200, map[string]any{"token_type": "bearer", "expires_in": 7200, "access_token": access,
		"scope": "tweet.write users.read tweet.read offline.access", "refresh_token": x.nextRT}))
}

package x_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// specPath is the X API v2 OpenAPI document the fake server follows.
var specPath = filepath.Join("..", "..", "..", "shared", "specs", "x-api", "openapi.json")

// Test credentials. Every secret holds "SECRET" so a test can look for it
// in any message.
const (
	consumerKey    = "ck-TEST"
	consumerSecret = "cs-SECRET-1"
	accessToken    = "at-SECRET-2"
	accessSecret   = "as-SECRET-3"
	clientID       = "client-TEST"
	clientSecret   = "cl-SECRET-4"
)

var (
	schemaOnce sync.Once
	schemas    map[string]*jsonschema.Schema
	schemaErr  error
)

// specSchema compiles a schema of components/schemas in the OpenAPI
// document, its $refs resolved within the document.
func specSchema(t testing.TB, name string) *jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		f, err := os.Open(specPath)
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if schemaErr = c.AddResource("file:///openapi.json", doc); schemaErr != nil {
			return
		}
		schemas = map[string]*jsonschema.Schema{}
		for _, n := range []string{"CreatePostsRequest", "CreatePostsResponse", "Problem", "GetUsersMeResponse"} {
			if schemas[n], schemaErr = c.Compile("file:///openapi.json#/components/schemas/" + n); schemaErr != nil {
				return
			}
		}
	})
	if schemaErr != nil {
		t.Fatalf("spec %s: %v", specPath, schemaErr)
	}
	return schemas[name]
}

func validate(t testing.TB, name string, body []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return err
	}
	return specSchema(t, name).Validate(v)
}

// reply is a canned answer to POST /2/tweets.
type reply struct {
	status  int
	header  map[string]string
	body    string
	problem bool // body is a spec Problem: the server checks it against the schema
	reset   bool // close the connection instead of answering
	hang    bool // answer only when the client gives up
}

// server is an httptest X API: POST /2/tweets (body checked against
// CreatePostsRequest, OAuth 1.0a signature recomputed, or Bearer token
// checked), GET /2/users/me (answered per GetUsersMeResponse), POST /2/oauth2/token (refresh and authorization code grants,
// rotating refresh tokens), and GET /i/oauth2/authorize (redirects the
// browser back with a code, as x.com does after the person agrees).
type server struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	replies  []reply // answered in order; then 201 with a new id
	texts    []string
	posts    int // POST /2/tweets requests
	mes      int // GET /2/users/me requests
	nextID   int
	access   string // the valid OAuth 2.0 access token
	refresh  string // the valid refresh token
	issued   int    // tokens issued
	refreshs int    // refresh grants
	expires  int    // expires_in sent with tokens
	// confidential requires HTTP Basic client authentication.
	confidential bool
	// PKCE
	challenge, redirect, code string
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := &server{t: t, nextID: 1850000000000000000, access: "acc-SECRET-0", refresh: "ref-SECRET-0", expires: 7200}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *server) URL() string { return s.srv.URL }

func (s *server) queue(rs ...reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replies = append(s.replies, rs...)
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/2/tweets":
		s.tweets(w, r)
	case r.Method == http.MethodGet && r.URL.Path == "/2/users/me":
		s.me(w, r)
	case r.Method == http.MethodPost && r.URL.Path == "/2/oauth2/token":
		s.token(w, r)
	case r.Method == http.MethodGet && r.URL.Path == "/i/oauth2/authorize":
		s.authorize(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (s *server) tweets(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.t.Errorf("read body: %v", err)
		return
	}
	s.mu.Lock()
	s.posts++
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		s.t.Errorf("Content-Type = %q, want application/json", ct)
	}
	if err := validate(s.t, "CreatePostsRequest", body); err != nil {
		s.t.Errorf("request body %s does not follow CreatePostsRequest: %v", body, err)
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"type":"https://api.x.com/2/problems/invalid-request","title":"Invalid Request","detail":"schema"}`)
		return
	}
	if !s.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`)
		return
	}
	s.mu.Lock()
	var rp *reply
	if len(s.replies) > 0 {
		rp = &s.replies[0]
		s.replies = s.replies[1:]
	}
	s.mu.Unlock()
	if rp != nil {
		s.answer(w, r, *rp)
		return
	}
	var req struct{ Text string }
	_ = json.Unmarshal(body, &req)
	s.mu.Lock()
	s.nextID++
	id := s.nextID
	s.texts = append(s.texts, req.Text)
	s.mu.Unlock()
	out, _ := json.Marshal(map[string]any{"data": map[string]any{"id": fmt.Sprint(id), "text": req.Text, "edit_history_post_ids": []string{fmt.Sprint(id)}}})
	if err := validate(s.t, "CreatePostsResponse", out); err != nil {
		s.t.Errorf("fake server reply does not follow CreatePostsResponse: %v", err)
	}
	w.WriteHeader(http.StatusCreated)
	w.Write(out)
}

// userID is the id of the user the fake's credentials belong to.
const userID = "2244994945"

// me is getUsersMe: the authorized user, as GetUsersMeResponse.
func (s *server) me(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	s.mu.Lock()
	s.mes++
	s.mu.Unlock()
	if !s.authorized(r) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`)
		return
	}
	out, _ := json.Marshal(map[string]any{"data": map[string]any{"id": userID, "name": "Hookline", "username": "hookline"}})
	if err := validate(s.t, "GetUsersMeResponse", out); err != nil {
		s.t.Errorf("fake server reply does not follow GetUsersMeResponse: %v", err)
	}
	w.Write(out)
}

func (s *server) answer(w http.ResponseWriter, r *http.Request, rp reply) {
	switch {
	case rp.reset:
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			s.t.Errorf("hijack: %v", err)
			return
		}
		conn.Close()
		return
	case rp.hang:
		<-r.Context().Done()
		return
	}
	if rp.problem {
		if err := validate(s.t, "Problem", []byte(rp.body)); err != nil {
			s.t.Errorf("canned body does not follow Problem: %v", err)
		}
	}
	for k, v := range rp.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(rp.status)
	fmt.Fprint(w, rp.body)
}

// authorized checks the Authorization header: a Bearer token equal to the
// current access token, or an OAuth 1.0a header whose HMAC-SHA1 signature,
// recomputed here from the known secrets (RFC 5849 section 3.4), matches.
func (s *server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	if tok, ok := strings.CutPrefix(h, "Bearer "); ok {
		s.mu.Lock()
		defer s.mu.Unlock()
		return tok == s.access
	}
	params, ok := parseOAuthHeader(h)
	if !ok {
		s.t.Errorf("Authorization header is neither Bearer nor OAuth: %q", h)
		return false
	}
	for _, k := range []string{"oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp", "oauth_token", "oauth_version"} {
		if params[k] == "" {
			s.t.Errorf("OAuth header lacks %s", k)
			return false
		}
	}
	if params["oauth_signature_method"] != "HMAC-SHA1" || params["oauth_version"] != "1.0" {
		s.t.Errorf("OAuth method %q version %q", params["oauth_signature_method"], params["oauth_version"])
	}
	if params["oauth_consumer_key"] != consumerKey || params["oauth_token"] != accessToken {
		return false
	}
	want := oauthSignature(r, params, consumerSecret, accessSecret)
	return hmac.Equal([]byte(params["oauth_signature"]), []byte(want))
}

func parseOAuthHeader(h string) (map[string]string, bool) {
	rest, ok := strings.CutPrefix(h, "OAuth ")
	if !ok {
		return nil, false
	}
	params := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, false
		}
		v, err := url.PathUnescape(strings.Trim(v, `"`))
		if err != nil {
			return nil, false
		}
		params[k] = v
	}
	return params, true
}

// oauthSignature computes the HMAC-SHA1 signature of r as RFC 5849 says:
// the base string of method, base URI and sorted, encoded parameters
// (query and oauth_*, not the JSON body), keyed by the two secrets.
func oauthSignature(r *http.Request, params map[string]string, consumerSecret, tokenSecret string) string {
	all := map[string]string{}
	for k, v := range r.URL.Query() {
		all[k] = v[0]
	}
	for k, v := range params {
		if k != "oauth_signature" && k != "realm" {
			all[k] = v
		}
	}
	var pairs []string
	for k, v := range all {
		pairs = append(pairs, rfc3986(k)+"="+rfc3986(v))
	}
	sort.Strings(pairs)
	base := strings.Join([]string{r.Method, rfc3986("http://" + r.Host + r.URL.Path), rfc3986(strings.Join(pairs, "&"))}, "&")
	mac := hmac.New(sha1.New, []byte(rfc3986(consumerSecret)+"&"+rfc3986(tokenSecret)))
	mac.Write([]byte(base))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// rfc3986 percent-encodes all but the unreserved characters.
func rfc3986(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// token is X's token endpoint: refresh_token and authorization_code grants.
// Refresh tokens are single-use: each grant rotates it.
func (s *server) token(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if err := r.ParseForm(); err != nil {
		s.t.Errorf("token form: %v", err)
	}
	fail := func(code, desc string) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":%q,"error_description":%q}`, code, desc)
	}
	if r.PostForm.Get("client_id") != clientID {
		fail("invalid_request", "Missing valid client_id")
		return
	}
	user, pass, basic := r.BasicAuth()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.confidential && (!basic || user != clientID || pass != clientSecret) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error":"unauthorized_client","error_description":"Missing valid authorization header"}`)
		return
	}
	switch r.PostForm.Get("grant_type") {
	case "refresh_token":
		s.refreshs++
		if r.PostForm.Get("refresh_token") != s.refresh {
			fail("invalid_request", "Value passed for the token was invalid.")
			return
		}
	case "authorization_code":
		sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
		switch {
		case s.code == "" || r.PostForm.Get("code") != s.code:
			fail("invalid_request", "Value passed for the authorization code was invalid.")
			return
		case base64.RawURLEncoding.EncodeToString(sum[:]) != s.challenge:
			fail("invalid_request", "Value passed for the code verifier did not match.")
			return
		case r.PostForm.Get("redirect_uri") != s.redirect:
			fail("invalid_request", "redirect_uri does not match")
			return
		}
		s.code = "" // single use
	default:
		fail("unsupported_grant_type", "grant_type")
		return
	}
	s.issued++
	s.access = fmt.Sprintf("acc-SECRET-%d", s.issued)
	s.refresh = fmt.Sprintf("ref-SECRET-%d", s.issued)
	fmt.Fprintf(w, `{"token_type":"bearer","expires_in":%d,"access_token":%q,"scope":"tweet.write users.read tweet.read offline.access","refresh_token":%q}`,
		s.expires, s.access, s.refresh)
}

// authorize plays x.com's consent page after the person agreed: it checks
// the request and redirects to redirect_uri with a code and the state.
func (s *server) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k, want := range map[string]string{"response_type": "code", "client_id": clientID, "code_challenge_method": "S256",
		"scope": "tweet.read tweet.write users.read offline.access"} {
		if q.Get(k) != want {
			s.t.Errorf("authorize %s = %q, want %q", k, q.Get(k), want)
		}
	}
	if len(q.Get("state")) < 16 || len(q.Get("code_challenge")) != 43 {
		s.t.Errorf("authorize state %q, code_challenge %q", q.Get("state"), q.Get("code_challenge"))
	}
	redirect, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || redirect.Scheme != "http" || redirect.Hostname() != "127.0.0.1" || redirect.Path != "/callback" {
		s.t.Errorf("redirect_uri %q is not a loopback callback", q.Get("redirect_uri"))
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.challenge, s.redirect, s.code = q.Get("code_challenge"), q.Get("redirect_uri"), "code-SECRET-5"
	s.mu.Unlock()
	back := redirect.Query()
	back.Set("state", q.Get("state"))
	back.Set("code", "code-SECRET-5")
	redirect.RawQuery = back.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

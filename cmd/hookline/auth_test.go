package main

import (
	"bufio"
	"context"
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
	"strings"
	"sync"
	"testing"

	"github.com/hookline/hookline/store"
)

// xAuthStub is X's authorize page (after the person agreed), its token
// endpoint (authorization code with PKCE, and rotating refresh grants) and
// POST /2/tweets with a Bearer token.
type xAuthStub struct {
	t                         *testing.T
	mu                        sync.Mutex
	challenge, redirect, code string
	access, refresh           string
	n                         int
	texts                     []string
	// echo makes the token answer repeat its tokens in its scope, as a
	// server that echoes what it knows would.
	echo bool
}

func (s *xAuthStub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.URL.Path {
	case "/i/oauth2/authorize":
		q := r.URL.Query()
		if q.Get("client_id") != "cid" || q.Get("code_challenge_method") != "S256" || !strings.Contains(q.Get("scope"), "offline.access") {
			s.t.Errorf("authorize query %v", q)
		}
		s.challenge, s.redirect, s.code = q.Get("code_challenge"), q.Get("redirect_uri"), "the-code"
		http.Redirect(w, r, s.redirect+"?"+url.Values{"state": {q.Get("state")}, "code": {s.code}}.Encode(), http.StatusFound)
	case "/2/oauth2/token":
		_ = r.ParseForm()
		f := r.PostForm
		sum := sha256.Sum256([]byte(f.Get("code_verifier")))
		ok := f.Get("client_id") == "cid"
		switch f.Get("grant_type") {
		case "authorization_code":
			ok = ok && f.Get("code") == s.code && f.Get("redirect_uri") == s.redirect && base64.RawURLEncoding.EncodeToString(sum[:]) == s.challenge
			s.code = ""
		case "refresh_token":
			ok = ok && f.Get("refresh_token") == s.refresh
		default:
			ok = false
		}
		if !ok {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"error":"invalid_request","error_description":"Value passed for the token was invalid."}`)
			return
		}
		s.n++
		s.access, s.refresh = fmt.Sprintf("acc-SECRET-%d", s.n), fmt.Sprintf("ref-SECRET-%d", s.n)
		scope := "tweet.write users.read tweet.read offline.access"
		if s.echo {
			scope = "tweet.read offline.access " + s.access + " " + s.refresh
		}
		json.NewEncoder(w).Encode(map[string]any{"token_type": "bearer", "expires_in": 7200, "access_token": s.access,
			"refresh_token": s.refresh, "scope": scope})
	case "/2/tweets":
		if r.Header.Get("Authorization") != "Bearer "+s.access {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`)
			return
		}
		var body struct{ Text string }
		_ = json.NewDecoder(r.Body).Decode(&body)
		s.texts = append(s.texts, body.Text)
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"data":{"id":"190000000000000000%d","text":%q}}`, len(s.texts), body.Text)
	default:
		http.NotFound(w, r)
	}
}

// TestAuthXCmd runs `hookline auth x` end to end, the test playing the
// browser, then posts with the stored refresh token.
func TestAuthXCmd(t *testing.T) {
	stub := &xAuthStub{t: t}
	srv := httptest.NewServer(stub)
	defer srv.Close()
	dir := t.TempDir()
	state := filepath.Join(dir, "state.db")
	cfg := filepath.Join(dir, "config.yaml")
	yaml := fmt.Sprintf(`state: %s
networks:
  - name: x-auth
    kind: x
    server: %s
    client_id: cid
    refresh_token: ref-SECRET-old
    daily_cap: -1
    monthly_cap: -1
`, state, srv.URL)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}

	out, errOut, err := runAuthX(t, cfg, srv.URL)
	if err != nil {
		t.Fatalf("auth x: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "x-auth: authorized; the refresh token is stored in "+state) || !strings.Contains(out, "code_challenge_method=S256") {
		t.Errorf("stdout:\n%s", out)
	}
	if strings.Contains(out+errOut, "SECRET") {
		t.Errorf("a token was printed:\n%s%s", out, errOut)
	}
	st, err := store.Open(context.Background(), state)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := st.Token(context.Background(), "x-auth")
	st.Close()
	if err != nil || tok != "ref-SECRET-1" {
		t.Fatalf("stored token %q, %v; want ref-SECRET-1", tok, err)
	}

	// hookline post uses the stored token (not the spent one in config),
	// and stores the next.
	article := filepath.Join("..", "..", "..", "shared", "articles", "kim-jong-un-china-trip.txt")
	postOut, postErr, err := runHookline(t, "--config", cfg, "post", article, "-n", "x-auth")
	if err != nil {
		t.Fatalf("post: %v\n%s", err, postErr)
	}
	if !strings.Contains(postOut, "x-auth: https://x.com/i/web/status/1900000000000000001") || len(stub.texts) != 1 {
		t.Errorf("post stdout %q, posted %q", postOut, stub.texts)
	}
	if strings.Contains(postOut+postErr, "SECRET") {
		t.Errorf("a token was printed:\n%s%s", postOut, postErr)
	}
}

// runAuthX runs `hookline auth x x-auth` against the stub at srvURL, the
// test playing the browser.
func runAuthX(t *testing.T, cfg, srvURL string) (stdout, stderr string, err error) {
	t.Helper()
	pr, pw := io.Pipe()
	var out strings.Builder
	browsed := make(chan struct{})
	go func() {
		defer close(browsed)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			line := sc.Text()
			out.WriteString(line + "\n")
			if u, ok := strings.CutPrefix(line, "  "); ok && strings.HasPrefix(u, "http") {
				resp, err := http.Get(u) // the browser: authorize page, then the callback
				if err != nil {
					t.Errorf("browser: %v", err)
					continue
				}
				page, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if !strings.Contains(string(page), "Hookline is authorized") {
					t.Errorf("callback page: %s", page)
				}
			}
		}
	}()
	var errb strings.Builder
	cmd, _ := newRoot()
	cmd.SetArgs([]string{"--config", cfg, "auth", "x", "x-auth", "--port", "0", "--timeout", "20s", "--authorize-url", srvURL + "/i/oauth2/authorize"})
	cmd.SetOut(pw)
	cmd.SetErr(&errb)
	err = cmd.ExecuteContext(context.Background())
	pw.Close()
	<-browsed
	return out.String(), errb.String(), err
}

// TestAuthXCmd_EchoedTokens: the tokens the code exchange obtains are taught
// to the process's redactor, so an answer that repeats them (here in its
// scope, which the missing-scope warning prints) shows none of them.
func TestAuthXCmd_EchoedTokens(t *testing.T) {
	stub := &xAuthStub{t: t, echo: true}
	srv := httptest.NewServer(stub)
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	yaml := fmt.Sprintf("state: %s\nnetworks:\n  - name: x-auth\n    kind: x\n    server: %s\n    client_id: cid\n",
		filepath.Join(dir, "state.db"), srv.URL)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runAuthX(t, cfg, srv.URL)
	if err != nil {
		t.Fatalf("auth x: %v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "without tweet.write") {
		t.Errorf("no scope warning:\n%s", errOut)
	}
	if strings.Contains(out+errOut, "SECRET") {
		t.Errorf("a token was printed:\n%s%s", out, errOut)
	}
}

func TestAuthXCmd_Errors(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	yaml := fmt.Sprintf(`state: %s
networks:
  - name: box
    kind: outbox
  - name: x-oauth1
    kind: x
    consumer_key: ck
    consumer_secret: cs
    access_token: at
    access_secret: as
`, filepath.Join(dir, "state.db"))
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		account, want string
	}{
		{"nobody", `nobody: no account named "nobody" in ` + cfg},
		{"box", `box: kind is "outbox"; auth x is for accounts of kind x`},
		{"x-oauth1", "x-oauth1: client_id is required for OAuth 2.0"},
	}
	for _, tt := range tests {
		t.Run(tt.account, func(t *testing.T) {
			_, _, err := runHookline(t, "--config", cfg, "auth", "x", tt.account)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

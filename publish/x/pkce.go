package x

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/redact"
)

// DefaultAuthorizeURL is where a person authorizes an app to act for their
// X account.
const DefaultAuthorizeURL = "https://x.com/i/oauth2/authorize"

// DefaultCallback is the loopback address of the callback when AuthFlow
// names none. X compares redirect URIs exactly, so the app's settings must
// list http://127.0.0.1:8976/callback.
const DefaultCallback = "127.0.0.1:8976"

// DefaultAuthTimeout bounds the wait for the person to authorize.
const DefaultAuthTimeout = 5 * time.Minute

// callbackPath is the path X redirects the browser to.
const callbackPath = "/callback"

// Scopes are what Hookline asks for: to post (tweet.write, which X grants
// only with tweet.read and users.read) and a refresh token (offline.access).
var Scopes = []string{"tweet.read", "tweet.write", "users.read", "offline.access"}

// AuthFlow is the OAuth 2.0 authorization code flow with PKCE (RFC 7636,
// S256) and a loopback redirect (RFC 8252): the person opens the authorize
// URL, X redirects their browser to http://127.0.0.1:PORT/callback, and the
// code is traded for tokens.
type AuthFlow struct {
	// ClientID is the app's OAuth 2.0 client id.
	ClientID string
	// ClientSecret is set for a confidential client (sent with HTTP Basic
	// authentication); empty for a public one. It is unwrapped only into
	// the token request.
	ClientSecret config.Secret
	// AuthorizeURL defaults to DefaultAuthorizeURL.
	AuthorizeURL string
	// TokenURL defaults to DefaultServer + TokenPath.
	TokenURL string
	// Listen is the callback's loopback host:port; port 0 picks a free one.
	// Defaults to DefaultCallback.
	Listen string
	// Scopes default to Scopes.
	Scopes []string
	// HTTPClient sends the token request; nil for http.DefaultClient.
	HTTPClient *http.Client
	// Timeout bounds the whole flow. Defaults to DefaultAuthTimeout.
	Timeout time.Duration
	// Show is given the authorize URL and the redirect URI once the callback
	// listens; it tells the person what to open. Required.
	Show func(authorizeURL, redirectURI string) error
	// Redactor, when set, learns what the exchange sends and obtains (the
	// Basic credential, the code and its verifier, the access and refresh
	// tokens) and filters the token endpoint's answers, so that no error,
	// log or output of the process shows them.
	Redactor *redact.Redactor
}

// ErrAuthDenied means the person (or X) refused the authorization.
var ErrAuthDenied = errors.New("authorization denied")

// Run listens for the callback, shows the authorize URL, waits for the
// browser to come back with a code (or for the timeout), and trades the code
// for tokens. The Token has a refresh token; its values are for storing,
// never for printing.
func (f AuthFlow) Run(ctx context.Context) (Token, error) {
	if f.ClientID == "" {
		return Token{}, errors.New("auth: client id is required")
	}
	if f.Show == nil {
		return Token{}, errors.New("auth: Show is required")
	}
	addr := cmp.Or(f.Listen, DefaultCallback)
	if err := loopbackOnly(addr); err != nil {
		return Token{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, cmp.Or(f.Timeout, DefaultAuthTimeout))
	defer cancel()

	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return Token{}, fmt.Errorf("auth: listen for the callback on %s: %w; free the port or choose another with --port (and register that callback URI)", addr, err)
	}
	redirect := "http://" + ln.Addr().String() + callbackPath
	verifier, state := randomString(32), randomString(16)
	authURL, err := f.authorizeURL(redirect, verifier, state)
	if err != nil {
		ln.Close()
		return Token{}, err
	}

	cb := &callback{state: state, codes: make(chan callbackResult, 1), done: make(chan error, 1)}
	srv := &http.Server{Handler: cb, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer func() {
		sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer scancel()
		_ = srv.Shutdown(sctx)
	}()

	if err := f.Show(authURL, redirect); err != nil {
		return Token{}, err
	}
	var res callbackResult
	select {
	case res = <-cb.codes:
	case <-ctx.Done():
		return Token{}, fmt.Errorf("auth: no callback from the browser within %s: %w", cmp.Or(f.Timeout, DefaultAuthTimeout), ctx.Err())
	}
	if res.err != nil {
		cb.done <- res.err
		return Token{}, res.err
	}
	form := url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {res.code},
		"redirect_uri":  {redirect},
		"code_verifier": {verifier},
	}
	hc := cmp.Or(f.HTTPClient, http.DefaultClient)
	if f.Redactor != nil {
		if f.ClientSecret != "" {
			f.Redactor.Add(basicCredentials(f.ClientID, f.ClientSecret.Value()))
		}
		f.Redactor.Add(res.code, verifier)
		hc = f.Redactor.Client(hc)
	}
	tok, err := requestToken(ctx, hc, cmp.Or(f.TokenURL, DefaultServer+TokenPath), f.ClientID, f.ClientSecret.Value(), form)
	if f.Redactor != nil {
		f.Redactor.Add(tok.AccessToken, tok.RefreshToken)
	}
	switch {
	case err != nil:
		err = fmt.Errorf("auth: trade the code for tokens: %w", err)
	case tok.RefreshToken == "":
		err = errors.New("auth: X gave no refresh token; the app must request offline.access")
	}
	cb.done <- err
	return tok, err
}

func (f AuthFlow) authorizeURL(redirect, verifier, state string) (string, error) {
	u, err := url.Parse(cmp.Or(f.AuthorizeURL, DefaultAuthorizeURL))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("auth: authorize URL %q is not an http(s) URL", f.AuthorizeURL)
	}
	sum := sha256.Sum256([]byte(verifier))
	scopes := f.Scopes
	if len(scopes) == 0 {
		scopes = Scopes
	}
	q := u.Query()
	q.Set("response_type", "code")
	q.Set("client_id", f.ClientID)
	q.Set("redirect_uri", redirect)
	q.Set("scope", strings.Join(scopes, " "))
	q.Set("state", state)
	q.Set("code_challenge", base64.RawURLEncoding.EncodeToString(sum[:]))
	q.Set("code_challenge_method", "S256")
	// Spaces as %20, as X documents it; a literal "+" is already %2B.
	u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20")
	return u.String(), nil
}

// loopbackOnly refuses a callback address that others could reach.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("auth: callback address %q: want host:port, e.g. %s", addr, DefaultCallback)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("auth: callback address %q is not a loopback address; use 127.0.0.1", addr)
	}
	return nil
}

// randomString is n random bytes, base64url without padding: a PKCE
// verifier of 43 characters for n = 32 (RFC 7636 allows 43 to 128).
func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

type callbackResult struct {
	code string
	err  error
}

// callback answers the browser's redirect: it hands the code (or the
// refusal) to Run and shows the person how it ended.
type callback struct {
	state string
	taken atomic.Bool         // the first valid callback wins
	codes chan callbackResult // capacity 1
	done  chan error          // Run's outcome, for the page
}

func (cb *callback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != callbackPath {
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	if q.Get("state") != cb.state {
		// Not our request (or a stale tab): refuse it and keep waiting.
		page(w, http.StatusBadRequest, "This callback does not belong to the running `hookline auth` (state mismatch). Start again from the address it printed.")
		return
	}
	var res callbackResult
	switch {
	case q.Get("error") != "":
		res.err = fmt.Errorf("auth: %w: %s", ErrAuthDenied, strings.TrimSpace(q.Get("error")+" "+q.Get("error_description")))
	case q.Get("code") == "":
		res.err = errors.New("auth: the callback has no code")
	default:
		res.code = q.Get("code")
	}
	if !cb.taken.CompareAndSwap(false, true) {
		page(w, http.StatusConflict, "Hookline already received a callback; this one is ignored.")
		return
	}
	cb.codes <- res
	select {
	case err := <-cb.done:
		if err != nil {
			page(w, http.StatusBadGateway, "Hookline could not finish: "+err.Error())
			return
		}
		page(w, http.StatusOK, "Hookline is authorized. You can close this tab.")
	case <-r.Context().Done():
	}
}

func page(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!doctype html><title>Hookline</title><p>%s</p>\n", html.EscapeString(msg))
}

package x

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/internal/apierr"
	"github.com/hookline/hookline/redact"
)

// TokenPath is X's OAuth 2.0 token endpoint, under the API's base URL.
const TokenPath = "/2/oauth2/token"

// refreshAhead is how long before its expiry an access token is renewed.
const refreshAhead = 2 * time.Minute

// TokenStore keeps an account's rotated OAuth 2.0 refresh token;
// *store.Store implements it.
type TokenStore interface {
	Token(ctx context.Context, account string) (string, error)
	SetToken(ctx context.Context, account, token string) error
}

// Token is the token endpoint's answer.
type Token struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	// ExpiresIn is the access token's lifetime in seconds; 0 when not given.
	ExpiresIn int    `json:"expires_in"`
	Scope     string `json:"scope"`
}

// tokenError is a refusal from the token endpoint (RFC 6749 section 5.2).
type tokenError struct {
	status      int
	code, about string
}

func (e *tokenError) Error() string {
	s := fmt.Sprintf("%d %s", e.status, strings.ToLower(http.StatusText(e.status)))
	if e.code != "" {
		s += ": " + e.code
	}
	if e.about != "" {
		s += " (" + e.about + ")"
	}
	return s
}

// requestToken posts form to the token endpoint: with HTTP Basic
// authentication for a confidential client (clientSecret set), else with
// client_id in the form.
func requestToken(ctx context.Context, hc *http.Client, tokenURL, clientID, clientSecret string, form url.Values) (Token, error) {
	form.Set("client_id", clientID)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return Token{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if clientSecret != "" {
		req.Header.Set("Authorization", "Basic "+basicCredentials(clientID, clientSecret))
	}
	resp, err := hc.Do(req)
	if err != nil {
		return Token{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	if err != nil {
		return Token{}, err
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error       string `json:"error"`
			Description string `json:"error_description"`
		}
		_ = json.Unmarshal(data, &e)
		te := &tokenError{status: resp.StatusCode, code: e.Error, about: e.Description}
		if resp.StatusCode == http.StatusTooManyRequests {
			return Token{}, &publish.RateLimitError{Reset: rateLimitReset(resp.Header, time.Now()), Err: te}
		}
		return Token{}, te
	}
	var t Token
	if err := json.Unmarshal(data, &t); err != nil {
		return Token{}, fmt.Errorf("token reply: %w", err)
	}
	if t.AccessToken == "" {
		return Token{}, errors.New("token reply has no access_token")
	}
	return t, nil
}

// basicCredentials is the HTTP Basic credential of a confidential client,
// each part form-encoded first (RFC 6749 section 2.3.1). It reveals the
// client secret, so the redactor learns it too.
func basicCredentials(clientID, clientSecret string) string {
	return base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(clientID) + ":" + url.QueryEscape(clientSecret)))
}

// oauth2Creds sends an OAuth 2.0 user access token, renewed with the
// refresh token shortly before it expires or when X refuses it. X rotates
// the refresh token at every use; the new one is stored at once.
type oauth2Creds struct {
	http          *http.Client
	account       string
	clientID      string
	clientSecret  config.Secret
	tokenURL      string
	configRefresh config.Secret
	tokens        TokenStore
	now           func() time.Time
	log           *slog.Logger
	redactor      *redact.Redactor // learns every token obtained

	mu      sync.Mutex
	access  string
	expiry  time.Time // zero when unknown
	unsaved string    // a rotated refresh token the store could not keep
}

func newOAuth2(acct Config, opts Options, hc *http.Client, c *Client) *oauth2Creds {
	if acct.ClientSecret != "" {
		c.redactor.Add(basicCredentials(acct.ClientID, acct.ClientSecret.Value()))
	}
	return &oauth2Creds{
		http:          hc,
		account:       acct.Name,
		clientID:      acct.ClientID,
		clientSecret:  acct.ClientSecret,
		tokenURL:      c.server + TokenPath,
		configRefresh: acct.RefreshToken,
		tokens:        opts.Tokens,
		now:           c.now,
		log:           c.log,
		redactor:      c.redactor,
		access:        acct.AccessToken.Value(),
	}
}

func (o *oauth2Creds) do(ctx context.Context, newReq func() (*http.Request, error)) (*http.Response, error) {
	send := func(token string) (*http.Response, error) {
		req, err := newReq()
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+token)
		return o.http.Do(req)
	}
	token, err := o.accessToken(ctx, "")
	if err != nil {
		return nil, err
	}
	resp, err := send(token)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	// Refused: the token was revoked or expired early. Renew it once.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxReply))
	resp.Body.Close()
	o.log.Debug("x access token refused; refreshing")
	if token, err = o.accessToken(ctx, token); err != nil {
		return nil, err
	}
	return send(token)
}

// accessToken returns a usable access token, refreshing when there is none,
// when it is about to expire, or when it is stale (the one just refused,
// unless another post already replaced it).
func (o *oauth2Creds) accessToken(ctx context.Context, stale string) (string, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.access != "" && o.access != stale && (o.expiry.IsZero() || o.now().Before(o.expiry.Add(-refreshAhead))) {
		return o.access, nil
	}
	if err := o.refresh(ctx); err != nil {
		return "", err
	}
	return o.access, nil
}

// refresh trades the refresh token for a new access token and a new
// refresh token, which it stores. Called with o.mu held.
func (o *oauth2Creds) refresh(ctx context.Context) error {
	reauth := fmt.Sprintf("run `hookline auth x %s` to authorize Hookline again", o.account)
	if o.tokens == nil {
		return o.fail(fmt.Errorf("%w: no state file to keep the rotated refresh token", publish.ErrUnauthorized),
			"%s: OAuth 2.0 needs the state file to keep the rotated refresh token; post through `hookline post` or `hookline run`", o.account)
	}
	rt := o.unsaved
	if rt == "" {
		stored, err := o.tokens.Token(ctx, o.account)
		if err != nil {
			return fmt.Errorf("%s: read refresh token: %w", o.account, err)
		}
		rt = stored
		o.redactor.Add(stored)
	}
	if rt == "" {
		rt = o.configRefresh.Value()
	}
	if rt == "" {
		return o.fail(fmt.Errorf("%w: no refresh token", publish.ErrUnauthorized), "%s: no OAuth 2.0 refresh token stored; %s", o.account, reauth)
	}
	form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}
	tok, err := requestToken(ctx, o.http, o.tokenURL, o.clientID, o.clientSecret.Value(), form)
	var te *tokenError
	var rl *publish.RateLimitError
	switch {
	case errors.As(err, &rl):
		return &apierr.Worded{Msg: fmt.Sprintf("%s: refresh OAuth 2.0 token: %v", o.account, rl), Err: rl}
	case errors.As(err, &te) && te.status >= 400 && te.status < 500:
		return o.fail(fmt.Errorf("%w: %w", publish.ErrUnauthorized, te), "%s: the refresh token was refused (%v); %s", o.account, te, reauth)
	case err != nil:
		return fmt.Errorf("%s: refresh OAuth 2.0 token at %s: %w", o.account, o.tokenURL, err)
	}
	o.redactor.Add(tok.AccessToken, tok.RefreshToken)
	o.access, o.expiry = tok.AccessToken, time.Time{}
	if tok.ExpiresIn > 0 {
		o.expiry = o.now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	}
	if tok.RefreshToken == "" || tok.RefreshToken == rt {
		return nil
	}
	if err := o.tokens.SetToken(ctx, o.account, tok.RefreshToken); err != nil {
		// The old token is spent: keep the new one for this process.
		o.unsaved = tok.RefreshToken
		o.log.Error("x refresh token not saved; after a restart, run `hookline auth x` again", slog.String("error", err.Error()))
		return nil
	}
	o.unsaved = ""
	o.log.Debug("x refresh token rotated and stored")
	return nil
}

func (o *oauth2Creds) fail(err error, format string, args ...any) error {
	return &apierr.Worded{Msg: fmt.Sprintf(format, args...), Err: err}
}

func (o *oauth2Creds) kind() string { return "OAuth 2.0" }

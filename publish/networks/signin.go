package networks

import (
	"cmp"
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/x"
	"github.com/hookline/hookline/redact"
)

// Defaults of a browser sign-in (X's OAuth 2.0 flow), for the flags of
// `hookline auth x`.
const (
	SignInTimeout      = x.DefaultAuthTimeout
	SignInAuthorizeURL = x.DefaultAuthorizeURL
)

// SignIn is how a person signs an account in through a browser: the only
// kind that needs it is X, whose OAuth 2.0 user context (PKCE) gives a
// refresh token that the state store keeps.
type SignIn struct {
	// AuthorizeURL is the network's authorize page; "" for its own.
	AuthorizeURL string
	// Port is the loopback callback's port; 0 picks a free one.
	Port int
	// Timeout bounds the whole flow; 0 for SignInTimeout.
	Timeout time.Duration
	// Show tells the person which address to open. Required.
	Show func(authorizeURL, redirectURI string) error
	// Redactor learns what the exchange sends and obtains.
	Redactor *redact.Redactor
}

// SignInX runs X's OAuth 2.0 sign-in for acct and returns the refresh token
// and the scopes granted. acct must be of kind x with a client_id; the
// error says what to set otherwise.
func SignInX(ctx context.Context, acct config.Account, s SignIn) (refreshToken, scope string, err error) {
	if !SignsIn(acct) {
		return "", "", fmt.Errorf("%s: kind is %q; auth x is for accounts of kind x", acct.Name, acct.Kind)
	}
	c, err := kindOf[x.Config]{name: "x"}.config(acct)
	if err != nil {
		return "", "", err
	}
	if c.ClientID == "" {
		return "", "", fmt.Errorf("%s: client_id is required for OAuth 2.0: copy the OAuth 2.0 Client ID from the app's Keys and tokens page into the config", acct.Name)
	}
	flow := x.AuthFlow{
		ClientID:     c.ClientID,
		ClientSecret: c.ClientSecret,
		AuthorizeURL: cmp.Or(s.AuthorizeURL, x.DefaultAuthorizeURL),
		TokenURL:     strings.TrimRight(cmp.Or(c.Server, x.DefaultServer), "/") + x.TokenPath,
		Listen:       net.JoinHostPort("127.0.0.1", strconv.Itoa(s.Port)),
		Timeout:      cmp.Or(s.Timeout, x.DefaultAuthTimeout),
		HTTPClient:   &http.Client{Timeout: cmp.Or(c.Timeout, x.DefaultTimeout)},
		Redactor:     s.Redactor,
		Show:         s.Show,
	}
	tok, err := flow.Run(ctx)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", acct.Name, err)
	}
	return tok.RefreshToken, tok.Scope, nil
}

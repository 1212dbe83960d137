package x

import (
	"context"
	"fmt"
	"net/http"

	"github.com/dghubble/oauth1"

	"github.com/hookline/hookline/config"
)

// credentials send a request with the account's authorization.
type credentials interface {
	// do sends the request newReq makes. It may make and send another when
	// the first was refused and the credentials could be renewed.
	do(ctx context.Context, newReq func() (*http.Request, error)) (*http.Response, error)
	// kind names the scheme in messages: "OAuth 1.0a" or "OAuth 2.0".
	kind() string
}

// newCredentials picks the scheme from what the account sets: OAuth 1.0a
// when any of its keys is set, else OAuth 2.0 with refresh when client_id
// is set, else a bare OAuth 2.0 access token.
func newCredentials(cfg Config, opts Options, c *Client) (credentials, error) {
	hc := opts.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	if err := cfg.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.Name, err)
	}
	switch {
	case cfg.ConsumerKey != "" || cfg.ConsumerSecret != "" || cfg.AccessSecret != "":
		return newOAuth1(cfg, hc), nil
	case cfg.ClientID != "":
		return newOAuth2(cfg, opts, hc, c), nil
	default:
		return &bearer{http: hc, token: cfg.AccessToken}, nil
	}
}

// oauth1Creds signs each request with HMAC-SHA1 (RFC 5849) through
// github.com/dghubble/oauth1. The JSON body is not part of the signature,
// as X expects.
type oauth1Creds struct {
	http *http.Client
}

func newOAuth1(acct Config, hc *http.Client) *oauth1Creds {
	cfg := oauth1.NewConfig(acct.ConsumerKey.Value(), acct.ConsumerSecret.Value())
	tok := oauth1.NewToken(acct.AccessToken.Value(), acct.AccessSecret.Value())
	signed := cfg.Client(context.WithValue(context.Background(), oauth1.HTTPClient, hc), tok)
	signed.Timeout, signed.CheckRedirect, signed.Jar = hc.Timeout, hc.CheckRedirect, hc.Jar
	return &oauth1Creds{http: signed}
}

func (o *oauth1Creds) do(_ context.Context, newReq func() (*http.Request, error)) (*http.Response, error) {
	req, err := newReq()
	if err != nil {
		return nil, err
	}
	return o.http.Do(req)
}

func (o *oauth1Creds) kind() string { return "OAuth 1.0a" }

// bearer sends a fixed OAuth 2.0 user access token. It cannot be renewed.
type bearer struct {
	http  *http.Client
	token config.Secret
}

func (b *bearer) do(_ context.Context, newReq func() (*http.Request, error)) (*http.Response, error) {
	req, err := newReq()
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+b.token.Value())
	return b.http.Do(req)
}

func (b *bearer) kind() string { return "OAuth 2.0" }

package x

import (
	"context"
	"fmt"
	"net/http"
	"strings"

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
func newCredentials(acct config.Account, opts Options, c *Client) (credentials, error) {
	hc := opts.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	switch {
	case acct.ConsumerKey != "" || acct.ConsumerSecret != "" || acct.AccessSecret != "":
		var missing []string
		for _, k := range []struct {
			key string
			v   config.Secret
		}{{"consumer_key", acct.ConsumerKey}, {"consumer_secret", acct.ConsumerSecret}, {"access_token", acct.AccessToken}, {"access_secret", acct.AccessSecret}} {
			if k.v == "" {
				missing = append(missing, k.key)
			}
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("%s: %s required for OAuth 1.0a: copy them from the app's Keys and tokens page (access token with Read and Write)",
				acct.Name, strings.Join(missing, ", "))
		}
		return newOAuth1(acct, hc), nil
	case acct.ClientID != "":
		return newOAuth2(acct, opts, hc, c), nil
	case acct.AccessToken != "":
		return &bearer{http: hc, token: acct.AccessToken}, nil
	}
	return nil, fmt.Errorf("%s: kind x needs credentials: consumer_key, consumer_secret, access_token and access_secret (OAuth 1.0a), "+
		"or client_id and `hookline auth x %s` (OAuth 2.0)", acct.Name, acct.Name)
}

// oauth1Creds signs each request with HMAC-SHA1 (RFC 5849) through
// github.com/dghubble/oauth1. The JSON body is not part of the signature,
// as X expects.
type oauth1Creds struct {
	http *http.Client
}

func newOAuth1(acct config.Account, hc *http.Client) *oauth1Creds {
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

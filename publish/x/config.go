package x

import (
	"cmp"
	"errors"
	"strings"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/internal/identity"
	"github.com/hookline/hookline/teaser/fit"
)

// Config holds the keys of a networks entry that kind x reads;
// publish/networks maps it and applies the keys all kinds share.
type Config struct {
	// Name identifies the account in errors and logs.
	Name string `mapstructure:"name"`
	// Server is X's API base URL; empty for DefaultServer.
	Server string `mapstructure:"server"`
	// OAuth 1.0a user context: all four, from the app's Keys and tokens page.
	ConsumerKey    config.Secret `mapstructure:"consumer_key"`
	ConsumerSecret config.Secret `mapstructure:"consumer_secret"`
	AccessSecret   config.Secret `mapstructure:"access_secret"`
	// AccessToken is the OAuth 1.0a access token, or an OAuth 2.0 user
	// token used alone (it cannot be refreshed).
	AccessToken config.Secret `mapstructure:"access_token"`
	// OAuth 2.0 user context (PKCE): the rotated refresh token is kept in
	// the state store.
	ClientID     string        `mapstructure:"client_id"`
	ClientSecret config.Secret `mapstructure:"client_secret"`
	RefreshToken config.Secret `mapstructure:"refresh_token"`
	// DailyCap and MonthlyCap bound the posts made: 0 keeps the default,
	// -1 means no cap.
	DailyCap   int `mapstructure:"daily_cap"`
	MonthlyCap int `mapstructure:"monthly_cap"`
	// Timeout bounds one post; 0 for DefaultTimeout.
	Timeout time.Duration `mapstructure:"timeout"`
}

// oauth1Keys are the four OAuth 1.0a keys, in the order messages list them.
var oauth1Keys = []string{"consumer_key", "consumer_secret", "access_token", "access_secret"}

// Check reports what is missing or wrong, each problem a *config.FieldError
// whose key is relative to the account (such as "access_secret"), joined.
// Credentials are OAuth 1.0a (all four keys) or OAuth 2.0 (client_id; the
// refresh token comes from `hookline auth x NAME`, which needs the account
// to load before it has one, or from refresh_token).
func (c Config) Check() error {
	var errs []error
	set := map[string]bool{
		"consumer_key":    c.ConsumerKey != "",
		"consumer_secret": c.ConsumerSecret != "",
		"access_token":    c.AccessToken != "",
		"access_secret":   c.AccessSecret != "",
	}
	switch {
	case c.ConsumerKey != "" || c.ConsumerSecret != "" || c.AccessSecret != "":
		for _, k := range oauth1Keys {
			if !set[k] {
				errs = append(errs, &config.FieldError{Key: k, Msg: "required for kind x with OAuth 1.0a (" + strings.Join(oauth1Keys, ", ") +
					"): copy it from the app's Keys and tokens page (access token with Read and Write)"})
			}
		}
	case c.ClientID != "", c.AccessToken != "":
	default:
		errs = append(errs, &config.FieldError{Msg: "kind x needs credentials: " + strings.Join(oauth1Keys, ", ") +
			" (OAuth 1.0a), or client_id and then `hookline auth x " + c.Name + "` (OAuth 2.0)"})
	}
	for _, cp := range []struct {
		key string
		n   int
	}{{"daily_cap", c.DailyCap}, {"monthly_cap", c.MonthlyCap}} {
		if cp.n < -1 {
			errs = append(errs, &config.FieldError{Key: cp.key, Msg: "must be -1 (no cap) or more"})
		}
	}
	return errors.Join(errs...)
}

// Identity is who the account posts as, from the config alone: the API
// server (DefaultServer when none is set, in one form) and a digest of the
// credentials that name one user: with OAuth 1.0a the consumer key and
// access token, with OAuth 2.0 the client id and the refresh token written
// in the config, else its access token. Empty when the config holds none
// of them: an account signed in with `hookline auth x` keeps its token in
// the state file, and the config alone cannot tell whose it is.
func (c Config) Identity() string {
	server := identity.Server(cmp.Or(c.Server, DefaultServer))
	switch {
	case c.ConsumerKey != "" || c.ConsumerSecret != "" || c.AccessSecret != "": // OAuth 1.0a, as newCredentials reads it
		if c.ConsumerKey == "" || c.AccessToken == "" {
			return ""
		}
		return server + " oauth1 " + identity.Digest(c.ConsumerKey.Value(), c.AccessToken.Value())
	case c.RefreshToken != "":
		return server + " oauth2 " + identity.Digest(c.ClientID, c.RefreshToken.Value())
	case c.AccessToken != "":
		return server + " oauth2 " + identity.Digest(c.ClientID, c.AccessToken.Value())
	}
	return ""
}

// Rules are X's length rules (twitter-text config v3): 280 weighted
// characters, every URL counted as 23. An account's max_chars replaces the
// limit, as paid plans allow longer posts.
func Rules() fit.Rules { return fit.X() }

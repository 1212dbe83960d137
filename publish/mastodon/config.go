package mastodon

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/internal/identity"
	"github.com/hookline/hookline/teaser/fit"
)

// Config holds the keys of a networks entry that kind mastodon reads;
// publish/networks maps it and applies the keys all kinds share.
type Config struct {
	// Name identifies the account in errors and logs.
	Name string `mapstructure:"name"`
	// Server is the instance's base URL, such as https://mastodon.social.
	Server string `mapstructure:"server"`
	// AccessToken is a token with the write:statuses scope.
	AccessToken config.Secret `mapstructure:"access_token"`
	// Visibility is "public" (the default), "unlisted", "private" or "direct".
	Visibility string `mapstructure:"visibility"`
	// SpoilerText is the content warning; empty for none.
	SpoilerText string `mapstructure:"spoiler_text"`
	// Timeout bounds one request; 0 for DefaultTimeout.
	Timeout time.Duration `mapstructure:"timeout"`
}

// Check reports what is missing or wrong, each problem a *config.FieldError
// whose key is relative to the account, joined.
func (c Config) Check() error {
	var errs []error
	if c.Server == "" {
		errs = append(errs, &config.FieldError{Key: "server", Msg: "required for kind mastodon: the instance's address, such as https://mastodon.social"})
	}
	if c.AccessToken == "" {
		errs = append(errs, &config.FieldError{Key: "access_token", Msg: "required for kind mastodon: create one under Preferences → Development with write:statuses"})
	}
	switch c.Visibility {
	case "", "public", "unlisted", "private", "direct":
	default:
		errs = append(errs, &config.FieldError{Key: "visibility", Msg: fmt.Sprintf("%q is not one of public, unlisted, private, direct", c.Visibility)})
	}
	return errors.Join(errs...)
}

// Identity is who the account posts as, from the config alone: the
// instance (in one form) and a digest of the access token, which names one
// user there. Empty without a server or token.
func (c Config) Identity() string {
	if c.Server == "" || c.AccessToken == "" {
		return ""
	}
	return identity.Server(c.Server) + " token " + identity.Digest(c.AccessToken.Value())
}

// Server is the instance's address as the Client writes it (and keys its
// cached limits by): cfg.Server without a trailing slash.
func Server(cfg Config) string { return strings.TrimRight(cfg.Server, "/") }

// Rules are the length rules of an instance that allows limit characters
// (0 for DefaultMaxChars) and counts every URL as urlLength (0 for
// DefaultURLLength). A Client learns its instance's (see Client.Rules).
func Rules(limit, urlLength int) fit.Rules { return fit.Mastodon(limit, urlLength) }

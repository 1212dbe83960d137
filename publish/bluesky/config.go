package bluesky

import (
	"cmp"
	"errors"
	"strings"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/internal/identity"
	"github.com/hookline/hookline/teaser/fit"
)

// Config holds the keys of a networks entry that kind bluesky reads;
// publish/networks maps it and applies the keys all kinds share.
type Config struct {
	// Name identifies the account in errors and logs.
	Name string `mapstructure:"name"`
	// Server is the PDS; empty for DefaultServer.
	Server string `mapstructure:"server"`
	// Identifier is the account's handle (alice.bsky.social) or DID.
	Identifier string `mapstructure:"identifier"`
	// AppPassword is an app password, not the account's password.
	AppPassword config.Secret `mapstructure:"app_password"`
	// Timeout bounds one request; 0 for DefaultTimeout.
	Timeout time.Duration `mapstructure:"timeout"`
}

// Check reports what is missing, each problem a *config.FieldError whose
// key is relative to the account, joined.
func (c Config) Check() error {
	var errs []error
	if c.Identifier == "" {
		errs = append(errs, &config.FieldError{Key: "identifier", Msg: "required for kind bluesky: the account's handle (e.g. alice.bsky.social) or DID"})
	}
	if c.AppPassword == "" {
		errs = append(errs, &config.FieldError{Key: "app_password", Msg: "required for kind bluesky: " + appPasswordHelp})
	}
	return errors.Join(errs...)
}

// Identity is who the account posts as, from the config alone: the PDS
// (DefaultServer when none is set, in one form) and the identifier, handle
// or DID, lower-cased and without a leading "@" (handles are
// case-insensitive). Empty without an identifier.
func (c Config) Identity() string {
	id := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(c.Identifier), "@"))
	if id == "" {
		return ""
	}
	return identity.Server(cmp.Or(c.Server, DefaultServer)) + " " + id
}

// Rules are Bluesky's length rules: 300 graphemes and 3000 UTF-8 bytes,
// URLs counted as written. The limit is the lexicon's: an account's
// max_chars can lower it, never raise it.
func Rules() fit.Rules { return fit.Bluesky() }

// Package networks opens the publisher of a configured account: one explicit
// switch on its kind, so every network Hookline can post to is listed here.
package networks

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/bluesky"
	"github.com/hookline/hookline/publish/mastodon"
	"github.com/hookline/hookline/publish/outbox"
	"github.com/hookline/hookline/publish/x"
	"github.com/hookline/hookline/redact"
)

// Kinds are the values of networks[].kind that Open knows.
var Kinds = []string{"outbox", "x", "mastodon", "bluesky"}

// TokenStore keeps credentials that rotate, such as X's OAuth 2.0 refresh
// token; *store.Store implements it. It is x.TokenStore, its only consumer.
type TokenStore = x.TokenStore

// Deps are what publishers share. Every field may be zero.
type Deps struct {
	// HTTPClient sends the requests; nil for http.DefaultClient. Each
	// publisher bounds its own calls with the account's timeout.
	HTTPClient *http.Client
	// Stdout is where an outbox with path "" or "-" writes; nil for os.Stdout.
	Stdout io.Writer
	// Log receives the publishers' records; nil discards them.
	Log *slog.Logger
	// Tokens stores rotated tokens; nil when there is no state store (then
	// networks that need one refuse to open).
	Tokens TokenStore
	// Redactor is the process's one redactor: publishers redact error
	// bodies, errors and logs with it and teach it the tokens they obtain
	// (sessions, refreshed tokens), so every log of the process can drop
	// them. Nil gives each publisher one of its own.
	Redactor *redact.Redactor
}

// Open returns the publisher for acct. Errors name the account and the key
// to fix.
func Open(ctx context.Context, acct config.Account, deps Deps) (publish.Publisher, error) {
	_ = ctx // reserved for networks that log in when opened
	log := deps.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With(slog.String("network", acct.Kind)) // publishers add the account
	switch acct.Kind {
	case "outbox":
		stdout := deps.Stdout
		if stdout == nil {
			stdout = os.Stdout
		}
		return outbox.New(acct.Path, stdout, nil)
	case "mastodon":
		return mastodon.New(acct, mastodon.Options{HTTPClient: deps.HTTPClient, Log: log, Redactor: deps.Redactor})
	case "x":
		return x.New(acct, x.Options{HTTPClient: deps.HTTPClient, Log: log, Tokens: deps.Tokens, Redactor: deps.Redactor})
	case "bluesky":
		return bluesky.New(acct, bluesky.Options{HTTPClient: deps.HTTPClient, Log: log, Redactor: deps.Redactor})
	case "":
		return nil, fmt.Errorf("%s: kind is required: one of %v", acct.Name, Kinds)
	default:
		return nil, fmt.Errorf("%s: unknown kind %q: want one of %v", acct.Name, acct.Kind, Kinds)
	}
}

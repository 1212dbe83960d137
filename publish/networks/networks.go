// Package networks is the registry of network kinds: the one place that
// lists them. Each kind lives in its own package (publish/outbox, publish/x,
// publish/mastodon, publish/bluesky) with the Config it reads and the length
// Rules it posts under; the registry maps a config.Account onto that Config,
// checks it, opens the kind's publisher, and builds every post (PostFor),
// applying the keys all kinds share: max_chars, hashtags, language, utm and
// template. Adding a network is one package, one line in kinds, and a
// field of config.Account for each key of its Config that no kind reads yet
// (the Account is what config.yaml decodes into; the registry maps it on).
package networks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strings"

	"github.com/go-viper/mapstructure/v2"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/bluesky"
	"github.com/hookline/hookline/publish/mastodon"
	"github.com/hookline/hookline/publish/outbox"
	"github.com/hookline/hookline/publish/x"
	"github.com/hookline/hookline/redact"
	"github.com/hookline/hookline/teaser/fit"
)

// kinds are the network kinds Hookline posts to, one line each.
var kinds = []kind{
	kindOf[outbox.Config]{name: "outbox", rules: outbox.Rules, opener: openOutbox},
	kindOf[x.Config]{name: "x", rules: x.Rules, opener: openX, raise: true, card: true, signIn: true},
	kindOf[mastodon.Config]{name: "mastodon", rules: func() fit.Rules { return mastodon.Rules(0, 0) }, opener: openMastodon, raise: true, card: true, learned: learnedMastodon},
	kindOf[bluesky.Config]{name: "bluesky", rules: bluesky.Rules, opener: openBluesky, card: true},
}

// Kinds are the names of the network kinds, in the registry's order.
func Kinds() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.kindName()
	}
	return out
}

// LimitedKinds are the kinds whose posts have a length limit by default:
// those a preview fits to when it is not told which.
func LimitedKinds() []string {
	var out []string
	for _, k := range kinds {
		if k.defaultRules().Limit > 0 {
			out = append(out, k.kindName())
		}
	}
	return out
}

// ShowsLinkCard reports whether acct's network shows a card for a post's
// link (an outbox does not).
func ShowsLinkCard(acct config.Account) bool {
	k, err := lookup(acct)
	return err == nil && k.linkCard()
}

// SignsIn reports whether acct signs in through a browser (`hookline auth
// x`).
func SignsIn(acct config.Account) bool {
	k, err := lookup(acct)
	return err == nil && k.signsIn()
}

// commonKeys are the account keys every kind shares: the registry and
// PostFor read them, so no kind's Config needs to.
var commonKeys = []string{"name", "kind", "max_chars", "hashtags", "fixed_hashtags", "language", "utm", "template", "review"}

// LimitsCache keeps the limits a network told of an account's server (a
// Mastodon instance's max_characters); *store.Store implements it. It is
// mastodon.LimitsCache, its only kind so far.
type LimitsCache = mastodon.LimitsCache

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
	// Limits keeps the limits publishers learn, so that commands that do
	// not ask the network (preview, queue, edit) count as it does; nil
	// keeps them in the publisher's memory only.
	Limits LimitsCache
	// Redactor is the process's one redactor: publishers redact error
	// bodies, errors and logs with it and teach it the tokens they obtain
	// (sessions, refreshed tokens), so every log of the process can drop
	// them. Nil gives each publisher one of its own.
	Redactor *redact.Redactor
}

// State is what a state file keeps for publishers: rotated tokens and
// learned limits; *store.Store implements it.
type State interface {
	TokenStore
	LimitsCache
}

// WithState returns d with st as its token store and limits cache where
// they are unset, and a discarding logger where none is set: how every
// command and the daemon open publishers beside a state file.
func (d Deps) WithState(st State) Deps {
	if d.Tokens == nil {
		d.Tokens = st
	}
	if d.Limits == nil {
		d.Limits = st
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	return d
}

func openOutbox(c outbox.Config, d Deps) (publish.Publisher, error) {
	stdout := d.Stdout
	if stdout == nil {
		stdout = os.Stdout
	}
	return outbox.New(c.Path, stdout, nil)
}

func openX(c x.Config, d Deps) (publish.Publisher, error) {
	return x.New(c, x.Options{HTTPClient: d.HTTPClient, Log: d.Log, Tokens: d.Tokens, Redactor: d.Redactor})
}

func openMastodon(c mastodon.Config, d Deps) (publish.Publisher, error) {
	return mastodon.New(c, mastodon.Options{HTTPClient: d.HTTPClient, Log: d.Log, Redactor: d.Redactor, Cache: d.Limits})
}

// learnedMastodon reads the instance's limits from cache, whatever their
// age: a count by limits a day old is closer than Mastodon's defaults.
func learnedMastodon(ctx context.Context, c mastodon.Config, cache LimitsCache) (fit.Rules, bool) {
	maxChars, urlLength, _, _, ok, err := cache.InstanceLimits(ctx, mastodon.Server(c))
	if err != nil || !ok {
		return fit.Rules{}, false
	}
	return mastodon.Rules(maxChars, urlLength), true
}

func openBluesky(c bluesky.Config, d Deps) (publish.Publisher, error) {
	return bluesky.New(c, bluesky.Options{HTTPClient: d.HTTPClient, Log: d.Log, Redactor: d.Redactor})
}

// kind is what the registry knows of one network kind.
type kind interface {
	kindName() string
	// check maps a onto the kind's Config and checks it; the problems'
	// keys are relative to the account.
	check(a config.Account) error
	// keys are the account keys the kind's Config reads.
	keys() []string
	open(a config.Account, d Deps) (publish.Publisher, error)
	// defaultRules are the kind's length rules before an account's
	// max_chars and before a publisher learns its own.
	defaultRules() fit.Rules
	// raises reports whether max_chars may raise the limit (paid plans,
	// instances that allow more) or only lower it (a protocol's limit).
	raises() bool
	// linkCard reports whether the network shows a card for a post's link.
	linkCard() bool
	// signsIn reports whether an account of the kind signs in through a
	// browser (see SignInX).
	signsIn() bool
	// cachedRules are the rules a publisher of the kind learned and kept
	// in cache; false when the kind learns none or none are kept.
	cachedRules(ctx context.Context, a config.Account, cache LimitsCache) (fit.Rules, bool)
	// identity is who a posts as, the kind's name first (see Identity).
	identity(a config.Account) string
}

// kindConfig is what every kind's Config does.
type kindConfig interface {
	Check() error
	// Identity is the real account the Config posts as, read from the
	// Config alone (no network call, no secret in it); "" when the Config
	// cannot tell.
	Identity() string
}

// kindOf is a kind whose publisher is opened from its Config C.
type kindOf[C kindConfig] struct {
	name   string
	rules  func() fit.Rules
	opener func(C, Deps) (publish.Publisher, error)
	raise  bool
	card   bool
	signIn bool
	// learned reads what a publisher of the kind learned; nil for kinds
	// that learn nothing.
	learned func(context.Context, C, LimitsCache) (fit.Rules, bool)
}

func (k kindOf[C]) cachedRules(ctx context.Context, a config.Account, cache LimitsCache) (fit.Rules, bool) {
	if k.learned == nil || cache == nil {
		return fit.Rules{}, false
	}
	c, err := k.config(a)
	if err != nil {
		return fit.Rules{}, false
	}
	return k.learned(ctx, c, cache)
}

func (k kindOf[C]) kindName() string        { return k.name }
func (k kindOf[C]) defaultRules() fit.Rules { return k.rules() }
func (k kindOf[C]) raises() bool            { return k.raise }
func (k kindOf[C]) linkCard() bool          { return k.card }
func (k kindOf[C]) signsIn() bool           { return k.signIn }

func (k kindOf[C]) keys() []string { return tagKeys(reflect.TypeFor[C]()) }

// config maps a onto C by the mapstructure keys both are written with:
// the one mapping from config.Account to a kind's Config.
func (k kindOf[C]) config(a config.Account) (C, error) {
	var c C
	in := map[string]any{}
	if err := mapstructure.Decode(a, &in); err != nil {
		return c, fmt.Errorf("%s: read account: %w", a.Name, err)
	}
	if err := mapstructure.Decode(in, &c); err != nil {
		return c, fmt.Errorf("%s: read account as kind %s: %w", a.Name, k.name, err)
	}
	return c, nil
}

func (k kindOf[C]) check(a config.Account) error {
	c, err := k.config(a)
	if err != nil {
		return err
	}
	return c.Check()
}

func (k kindOf[C]) identity(a config.Account) string {
	c, err := k.config(a)
	if err != nil {
		return ""
	}
	if id := c.Identity(); id != "" {
		return k.name + " " + id
	}
	return ""
}

func (k kindOf[C]) open(a config.Account, d Deps) (publish.Publisher, error) {
	c, err := k.config(a)
	if err != nil {
		return nil, err
	}
	return k.opener(c, d)
}

// tagKeys are the mapstructure keys of the struct type t.
func tagKeys(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get("mapstructure"), ","); name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// lookup returns the kind of acct, or an error naming the account and the
// kinds there are.
func lookup(acct config.Account) (kind, error) {
	for _, k := range kinds {
		if k.kindName() == acct.Kind {
			return k, nil
		}
	}
	if acct.Kind == "" {
		return nil, fmt.Errorf("%s: kind is required: one of %s", acct.Name, strings.Join(Kinds(), ", "))
	}
	return nil, fmt.Errorf("%s: unknown kind %q: want one of %s", acct.Name, acct.Kind, strings.Join(Kinds(), ", "))
}

// Open returns the publisher for acct. Errors name the account and the key
// to fix.
func Open(ctx context.Context, acct config.Account, deps Deps) (publish.Publisher, error) {
	_ = ctx // reserved for networks that log in when opened
	k, err := lookup(acct)
	if err != nil {
		return nil, err
	}
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	deps.Log = deps.Log.With(slog.String("network", acct.Kind)) // publishers add the account
	return k.open(acct, deps)
}

// Identity is who acct posts as, for exactly-once: its kind and the real
// account its config names, read from the config without asking the
// network — a Mastodon instance and a digest of the access token, a
// Bluesky PDS and handle or DID, X's server and a digest of the
// credentials, an outbox file's real path. Renaming the entry does not
// change it, and it holds no secret, only digests of them. The state file
// keeps it (store.AdoptIdentities), so that a renamed entry takes its
// history over, and config loading refuses two entries with the same one.
// It is "" when the config cannot tell (an outbox on standard output, X
// signed in with `hookline auth x`, a credential not set, an unknown kind):
// such an account is never compared.
func Identity(acct config.Account) string {
	k, err := lookup(acct)
	if err != nil {
		return ""
	}
	return k.identity(acct)
}

// CheckAccount validates what the kinds know of a: its kind exists and the
// kind's keys are set as it needs. written are the keys a's entry sets in
// the file; a key the kind does not read is a warning, as is a max_chars
// above a limit the network does not let it raise. Keys are relative to the
// account. It also returns who a posts as (Identity), with which config
// loading refuses two entries for one real account. It is the
// config.AccountCheck every load of a config runs.
func CheckAccount(a config.Account, written []string) (warns []config.Warning, identity string, err error) {
	k, err := lookup(a)
	if err != nil {
		msg := "required: one of " + strings.Join(Kinds(), ", ")
		if a.Kind != "" {
			msg = fmt.Sprintf("%q is not one of %s", a.Kind, strings.Join(Kinds(), ", "))
		}
		return nil, "", &config.FieldError{Key: "kind", Msg: msg}
	}
	used := append(k.keys(), commonKeys...)
	for _, w := range written {
		if !slices.Contains(used, w) {
			warns = append(warns, config.Warning{Key: w, Msg: fmt.Sprintf("not used by kind %s; remove it", a.Kind)})
		}
	}
	if r := k.defaultRules(); !k.raises() && r.Limit > 0 && a.MaxChars > r.Limit {
		warns = append(warns, config.Warning{Key: "max_chars", Msg: fmt.Sprintf("%d is above %s's limit of %d; posts keep to %d", a.MaxChars, a.Kind, r.Limit, r.Limit)})
	}
	err = k.check(a)
	if terr := CheckTemplate(a.Template); terr != nil {
		err = errors.Join(err, &config.FieldError{Key: "template", Msg: terr.Error()})
	}
	return warns, k.identity(a), err
}

var _ config.AccountCheck = CheckAccount

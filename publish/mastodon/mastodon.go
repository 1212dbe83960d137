// Package mastodon publishes posts as statuses on a Mastodon instance, through
// github.com/mattn/go-mastodon with an HTTP transport that adds what the
// library lacks: an Idempotency-Key per post, and rate limits reported at
// once as typed errors instead of retried for hours.
package mastodon

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	gomastodon "github.com/mattn/go-mastodon"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/redact"
)

// DefaultTimeout bounds one post, all its requests included, when the
// account sets no timeout.
const DefaultTimeout = 30 * time.Second

// Client posts statuses for one Mastodon account. It is safe for concurrent use.
type Client struct {
	name        string
	server      string
	token       config.Secret
	visibility  string
	spoilerText string
	timeout     time.Duration
	api         *gomastodon.Client
	http        *http.Client
	log         *slog.Logger
	now         func() time.Time
	redactor    *redact.Redactor

	mu        sync.Mutex
	limits    Limits    // learned from the instance
	limitsAt  time.Time // when limits were learned; zero when not yet
	cache     LimitsCache
	accountID gomastodon.ID
}

var (
	_ publish.Publisher = (*Client)(nil)
	_ publish.Limiter   = (*Client)(nil)
	_ publish.DryRunner = (*Client)(nil)
)

// Options are what New needs besides the account.
type Options struct {
	// HTTPClient sends the requests; nil for http.DefaultClient. Its
	// transport is wrapped, not changed.
	HTTPClient *http.Client
	// Log receives debug and warning records; nil discards them.
	Log *slog.Logger
	// Now is the clock; nil for time.Now.
	Now func() time.Time
	// Redactor removes secrets from error bodies, errors and logs; it
	// learns the access token. Nil for one of the Client's own.
	Redactor *redact.Redactor
	// Cache keeps the instance's limits across processes (the state
	// file), so that commands that do not ask the instance count as it
	// does; nil keeps them in memory only.
	Cache LimitsCache
}

// LimitsCache keeps the limits learned from an instance, by its address;
// *store.Store implements it.
type LimitsCache interface {
	InstanceLimits(ctx context.Context, server string) (maxChars, urlLength int, version string, at time.Time, ok bool, err error)
	SetInstanceLimits(ctx context.Context, server string, maxChars, urlLength int, version string, at time.Time) error
}

// New returns a Client for the account cfg: cfg.Server is the
// instance's base URL and cfg.AccessToken a token with write:statuses.
func New(acct Config, opts Options) (*Client, error) {
	if err := acct.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", acct.Name, err)
	}
	u, err := url.Parse(acct.Server)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%s: server %q is not an http(s) URL, e.g. https://mastodon.social", acct.Name, acct.Server)
	}
	visibility := cmp.Or(acct.Visibility, gomastodon.VisibilityPublic)
	r := redact.For(opts.Redactor, config.SecretValues(acct)...)
	hc := r.Client(opts.HTTPClient) // error bodies are redacted before go-mastodon reads them
	c := &Client{
		name:        acct.Name,
		server:      Server(acct),
		token:       acct.AccessToken,
		visibility:  visibility,
		spoilerText: acct.SpoilerText,
		timeout:     cmp.Or(acct.Timeout, DefaultTimeout),
		log:         r.Logger(opts.Log),
		now:         opts.Now,
		redactor:    r,
		cache:       opts.Cache,
	}
	if c.now == nil {
		c.now = time.Now
	}
	c.http = &http.Client{
		Transport:     &transport{base: hc.Transport, token: c.token, now: c.now},
		CheckRedirect: hc.CheckRedirect,
		Jar:           hc.Jar,
		Timeout:       hc.Timeout,
	}
	c.api = gomastodon.NewClient(&gomastodon.Config{Server: c.server}) // the transport adds the token
	c.api.Client = *c.http
	c.api.UserAgent = "hookline"
	return c, nil
}

// Publish posts p as a status, with p.IdempotencyKey as its Idempotency-Key,
// bounded as a whole by the account's timeout. When the instance fails with a
// 5xx or the connection breaks, Publish looks among the account's recent
// statuses for one already posted with p's text and returns its receipt
// rather than an error (see reconcile.go for what this guarantees). A resend
// (p.Attempt above 1) looks there first too, because the instance forgets an
// Idempotency-Key after an hour and retries may come later than that; when
// that look fails on an instance known not to honour the key at all, the
// resend is not made (see blindResend).
func (c *Client) Publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	if p.Attempt > 1 {
		found, ferr := c.findPosted(ctx, p)
		switch {
		case ferr != nil:
			c.log.Warn("mastodon lookup before resend failed", slog.String("account", c.name), slog.String("error", c.redact(ferr).Error()))
			if err := c.blindResend(ctx, p, ferr); err != nil {
				return publish.Receipt{}, err
			}
		case found != nil:
			c.log.Info("mastodon status found before resend", slog.String("account", c.name), slog.String("status_id", string(found.ID)))
			return c.receipt(found), nil
		}
	}
	st, err := c.api.PostStatus(withIdempotencyKey(ctx, p.IdempotencyKey), c.toot(p))
	if err != nil && retryAfterReconcile(err) && ctx.Err() == nil {
		if found, ferr := c.findPosted(ctx, p); ferr != nil {
			c.log.Warn("mastodon reconcile failed", slog.String("account", c.name), slog.String("error", c.redact(ferr).Error()))
		} else if found != nil {
			c.log.Info("mastodon status found after failed post", slog.String("account", c.name), slog.String("status_id", string(found.ID)))
			st, err = found, nil
		}
	}
	if err != nil {
		return publish.Receipt{}, c.classify(ctx, err)
	}
	c.log.Debug("mastodon status posted", slog.String("account", c.name), slog.String("status_id", string(st.ID)))
	return c.receipt(st), nil
}

// blindResend decides a resend that could not first look for the post
// (lookupErr): nil lets it go, under the same Idempotency-Key, unless the
// instance is known not to honour the key — then an earlier attempt that
// reached it unseen would become a second status, and the resend waits for a
// person (ErrUnconfirmed), who can look at the account and send it anyway
// with hookline retry (p.ByHand).
func (c *Client) blindResend(ctx context.Context, p publish.Post, lookupErr error) error {
	if p.ByHand {
		return nil
	}
	version := c.Limits(ctx).Version
	if known, honoured := KeySupport(version); !known || honoured {
		return nil
	}
	return fmt.Errorf("%s: not sent again: %s (version %q) ignores Idempotency-Key and the account's statuses could not be read to see whether attempt %d reached it (%v); look at the account, then send it with hookline retry ID, or give the token read:statuses so this is checked: %w",
		c.name, c.server, version, p.Attempt-1, c.redact(lookupErr), publish.ErrUnconfirmed)
}

// DryRun returns the request Publish would send for p, without sending it.
// The body is the form go-mastodon encodes; the token is in a header and is
// not returned.
func (c *Client) DryRun(ctx context.Context, p publish.Post) (method, target string, body []byte, err error) {
	capt := &captured{}
	ctx = context.WithValue(withIdempotencyKey(ctx, p.IdempotencyKey), captureKey{}, capt)
	if _, err := c.api.PostStatus(ctx, c.toot(p)); capt.method == "" {
		return "", "", nil, fmt.Errorf("%s: dry run: %w", c.name, c.redact(err))
	}
	return capt.method, capt.url, capt.body, nil
}

func (c *Client) toot(p publish.Post) *gomastodon.Toot {
	return &gomastodon.Toot{
		Status:      p.Text,
		Visibility:  c.visibility,
		Language:    language(p.Lang),
		SpoilerText: c.spoilerText,
	}
}

func (c *Client) receipt(st *gomastodon.Status) publish.Receipt {
	at := st.CreatedAt
	if at.IsZero() {
		at = c.now()
	}
	return publish.Receipt{ID: string(st.ID), URL: cmp.Or(st.URL, st.URI), At: at}
}

// language turns a tag such as "en-US" into the ISO 639-1 code Mastodon
// accepts ("en").
func language(tag string) string {
	tag, _, _ = strings.Cut(strings.TrimSpace(tag), "-")
	tag, _, _ = strings.Cut(tag, "_")
	return strings.ToLower(tag)
}

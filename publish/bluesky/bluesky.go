// Package bluesky publishes posts to a Bluesky account through XRPC over
// net/http: com.atproto.server.createSession with an app password (the
// session lives in memory and is refreshed when its access token expires),
// then com.atproto.repo.createRecord of an app.bsky.feed.post with facets
// for the link and hashtags and an app.bsky.embed.external link card.
//
// Every post's record key is a TID derived from its idempotency key, so a
// post sent twice lands on the same record: the PDS refuses the second
// create, and Publish finds the record with getRecord and returns its
// receipt instead of posting again.
package bluesky

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/redact"
)

// DefaultServer is the PDS used when the account names none.
const DefaultServer = "https://bsky.social"

// DefaultTimeout bounds one request when the account sets no timeout; a
// whole post (login, image, upload, create) is bounded by three times it.
const DefaultTimeout = 30 * time.Second

const userAgent = "hookline (+https://github.com/hookline/hookline)"

// Client posts to one Bluesky account. It is safe for concurrent use.
type Client struct {
	name       string
	server     string
	identifier string
	password   config.Secret
	timeout    time.Duration
	http       *http.Client
	images     *http.Client
	log        *slog.Logger
	now        func() time.Time
	redactor   *redact.Redactor

	mu   sync.Mutex
	sess session
}

var (
	_ publish.Publisher = (*Client)(nil)
	_ publish.DryRunner = (*Client)(nil)
)

// Options are what New needs besides the account.
type Options struct {
	// HTTPClient sends the XRPC requests; nil for http.DefaultClient.
	HTTPClient *http.Client
	// ImageClient downloads link-card images; nil for article.NewClient,
	// which refuses loopback, private, link-local and metadata addresses,
	// so that an article's image URL cannot make Hookline upload what such
	// an address serves.
	ImageClient *http.Client
	// Log receives debug and info records; nil discards them.
	Log *slog.Logger
	// Now is the clock for createdAt and receipts; nil for time.Now.
	Now func() time.Time
	// Redactor removes secrets from error bodies, errors and logs; it
	// learns the app password and every session's tokens. Nil for one of
	// the Client's own.
	Redactor *redact.Redactor
}

// New returns a Client for the account cfg: cfg.Server is the PDS
// (default https://bsky.social), cfg.Identifier the handle or DID, and
// cfg.AppPassword an app password. No request is made until Publish.
func New(acct Config, opts Options) (*Client, error) {
	server := strings.TrimRight(cmp.Or(acct.Server, DefaultServer), "/")
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%s: server %q is not an http(s) URL, e.g. %s", acct.Name, acct.Server, DefaultServer)
	}
	if err := acct.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", acct.Name, err)
	}
	r := redact.For(opts.Redactor, config.SecretValues(acct)...)
	c := &Client{
		name:       acct.Name,
		server:     server,
		identifier: strings.TrimPrefix(acct.Identifier, "@"),
		password:   acct.AppPassword,
		timeout:    cmp.Or(acct.Timeout, DefaultTimeout),
		http:       r.Client(opts.HTTPClient), // error bodies are redacted before anything reads them
		log:        r.Logger(opts.Log),
		now:        opts.Now,
		redactor:   r,
	}
	c.images = opts.ImageClient
	if c.images == nil {
		c.images = article.NewClient(article.FetchOptions{Timeout: c.timeout, MaxBytes: MaxThumbBytes})
	}
	if c.now == nil {
		c.now = time.Now
	}
	return c, nil
}

// Publish creates p as a post with the record key RecordKey(key), where
// key is p.IdempotencyKey (or the article and account when it is empty).
// A post over Bluesky's limits is refused with publish.ErrInvalid before
// any request. When the record already exists, its receipt is returned.
func (c *Client) Publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	r, err := c.publish(ctx, p)
	return r, c.redactor.Error(err)
}

func (c *Client) publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	if err := checkPost(p); err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: %w", c.name, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 3*c.timeout)
	defer cancel()
	sess, err := c.currentSession(ctx)
	if err != nil {
		return publish.Receipt{}, err
	}
	thumb, err := c.thumb(ctx, p.Image)
	if err != nil {
		return publish.Receipt{}, err
	}
	in := c.input(p, sess.did, thumb)
	var out recordOutput
	s, err := c.authed(ctx, request{nsid: "com.atproto.repo.createRecord", input: in}, &out)
	if s.did != "" {
		sess = s // renewed
	}
	if err != nil {
		if found, ok := c.existing(ctx, err, in); ok {
			c.log.Info("bluesky post already exists", slog.String("uri", found.URI))
			return c.receipt(found.URI, sess), nil
		}
		return publish.Receipt{}, c.wrap("create post", err)
	}
	c.log.Debug("bluesky post created", slog.String("uri", out.URI))
	return c.receipt(out.URI, sess), nil
}

// DryRun returns the createRecord request Publish would send for p,
// without sending anything: repo is the configured identifier (Publish
// sends the session's DID) and the link card carries no thumbnail, which
// is uploaded only when posting.
func (c *Client) DryRun(_ context.Context, p publish.Post) (method, target string, body []byte, err error) {
	if err := checkPost(p); err != nil {
		return "", "", nil, fmt.Errorf("%s: %w", c.name, err)
	}
	body, err = json.MarshalIndent(c.input(p, c.identifier, nil), "", "  ")
	if err != nil {
		return "", "", nil, fmt.Errorf("%s: dry run: %w", c.name, err)
	}
	return http.MethodPost, c.server + "/xrpc/com.atproto.repo.createRecord", body, nil
}

func (c *Client) input(p publish.Post, repo string, thumb json.RawMessage) createRecordInput {
	key := cmp.Or(p.IdempotencyKey, p.ArticleID+"\x00"+p.Account)
	return createRecordInput{
		Repo:       repo,
		Collection: Collection,
		Rkey:       RecordKey(key),
		Record:     BuildRecord(p, c.now(), thumb),
	}
}

// existing looks up the record a failed create was meant to make. The PDS
// answers a create on a taken record key with an error (a 500 from the
// reference PDS; others may say 400 or 409), and a create whose answer was
// lost may have succeeded; either way the record is then there. Errors
// that cannot mean that (unauthorized, rate limited, expired) are not
// looked into.
func (c *Client) existing(ctx context.Context, err error, in createRecordInput) (recordOutput, bool) {
	var xe *xrpcError
	if errors.As(err, &xe) {
		if xe.Status == http.StatusUnauthorized || xe.Status == http.StatusForbidden ||
			xe.Status == http.StatusTooManyRequests || isExpired(err) {
			return recordOutput{}, false
		}
	} else if ctx.Err() != nil {
		return recordOutput{}, false
	}
	q := url.Values{"repo": {in.Repo}, "collection": {in.Collection}, "rkey": {in.Rkey}}
	var out recordOutput
	if _, gerr := c.authed(ctx, request{nsid: "com.atproto.repo.getRecord", query: q}, &out); gerr != nil || out.URI == "" {
		c.log.Debug("bluesky record not found after failed create", slog.String("rkey", in.Rkey), slog.Any("error", gerr))
		return recordOutput{}, false
	}
	return out, true
}

// receipt returns the receipt of the record at uri: the at:// URI and the
// post's page on bsky.app.
func (c *Client) receipt(uri string, s session) publish.Receipt {
	r := publish.Receipt{ID: uri, At: c.now()}
	rkey := uri[strings.LastIndexByte(uri, '/')+1:]
	actor := s.handle
	if actor == "" || actor == "handle.invalid" {
		actor = s.did
	}
	if actor != "" && rkey != "" {
		r.URL = "https://bsky.app/profile/" + actor + "/post/" + rkey
	}
	return r
}

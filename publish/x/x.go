// Package x publishes posts to X through the API v2 endpoint POST /2/tweets,
// authenticated with OAuth 1.0a user context (signed by
// github.com/dghubble/oauth1) or an OAuth 2.0 user token whose refresh token
// is rotated and kept in the state store. It refuses to exceed the account's
// daily and monthly caps, and turns X's answers into the typed errors of
// package publish.
package x

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/redact"
)

// Defaults for what an account leaves unset.
const (
	// DefaultServer is X's API base URL.
	DefaultServer = "https://api.x.com"
	// DefaultTimeout bounds one post, a token refresh included.
	DefaultTimeout = 30 * time.Second
	// DefaultDailyCap is the most posts a day (UTC) per account: X Free's limit.
	DefaultDailyCap = 17
	// DefaultMonthlyCap is the most posts a calendar month (UTC) per account.
	DefaultMonthlyCap = 500
)

// tweetsPath is the endpoint that creates a post.
const tweetsPath = "/2/tweets"

// statusURL is where a person sees a post, by id.
const statusURL = "https://x.com/i/web/status/"

// maxReply bounds how much of a reply is read.
const maxReply = 1 << 20

// Client posts for one X account. It is safe for concurrent use; posts of
// one Client go out one at a time, so that the caps hold.
type Client struct {
	name     string
	server   string
	timeout  time.Duration
	creds    credentials
	redactor *redact.Redactor
	log      *slog.Logger
	now      func() time.Time
	caps     caps
}

var (
	_ publish.Publisher = (*Client)(nil)
	_ publish.DryRunner = (*Client)(nil)
)

// Options are what New needs besides the account. Every field may be zero.
type Options struct {
	// HTTPClient sends the requests; nil for http.DefaultClient. Its
	// transport is wrapped, not changed.
	HTTPClient *http.Client
	// Log receives debug and warning records; nil discards them.
	Log *slog.Logger
	// Now is the clock; nil for time.Now.
	Now func() time.Time
	// Tokens keeps the rotated OAuth 2.0 refresh token. Without it an
	// OAuth 2.0 account cannot refresh its access token.
	Tokens TokenStore
	// Counter counts the account's posts for the caps; nil takes Tokens when
	// it implements Counter (as *store.Store does), else only the posts this
	// Client made are counted.
	Counter Counter
	// Redactor removes secrets from error bodies, errors and logs; it
	// learns the configured credentials and every token a refresh obtains.
	// Nil for one of the Client's own.
	Redactor *redact.Redactor
}

// New returns a Client for the account cfg. Credentials are OAuth 1.0a
// (consumer_key, consumer_secret, access_token, access_secret), or OAuth 2.0
// (client_id, with client_secret for a confidential client, and a refresh
// token from the store, `hookline auth x`, or refresh_token), or an OAuth 2.0
// access_token alone (which cannot be refreshed).
func New(acct Config, opts Options) (*Client, error) {
	server := strings.TrimRight(cmp.Or(acct.Server, DefaultServer), "/")
	if u, err := url.Parse(server); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%s: server %q is not an http(s) URL; remove it to use %s", acct.Name, acct.Server, DefaultServer)
	}
	r := redact.For(opts.Redactor, config.SecretValues(acct)...)
	opts.HTTPClient = r.Client(opts.HTTPClient) // error bodies are redacted before anything reads them
	c := &Client{
		name:     acct.Name,
		server:   server,
		timeout:  cmp.Or(acct.Timeout, DefaultTimeout),
		log:      r.Logger(opts.Log),
		now:      opts.Now,
		redactor: r,
	}
	if c.now == nil {
		c.now = time.Now
	}
	c.log = c.log.With(slog.String("account", acct.Name))
	var err error
	if c.creds, err = newCredentials(acct, opts, c); err != nil {
		return nil, err
	}
	counter := opts.Counter
	if counter == nil {
		counter, _ = opts.Tokens.(Counter)
	}
	c.caps = caps{
		account: acct.Name,
		daily:   capOrDefault(acct.DailyCap, DefaultDailyCap),
		monthly: capOrDefault(acct.MonthlyCap, DefaultMonthlyCap),
		counter: counter,
	}
	return c, nil
}

// Publish posts p.Text, bounded as a whole by the account's timeout. It
// refuses with an error wrapping publish.ErrQuota when the account's daily
// or monthly cap is reached.
func (c *Client) Publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	body, err := requestBody(p)
	if err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: %w", c.name, err)
	}
	c.caps.mu.Lock() // one post at a time, so two cannot both take the last slot
	defer c.caps.mu.Unlock()
	now := c.now()
	if err := c.caps.check(ctx, now); err != nil {
		return publish.Receipt{}, c.redact(err)
	}
	resp, err := c.creds.do(ctx, func() (*http.Request, error) {
		return c.newRequest(ctx, http.MethodPost, tweetsPath, body)
	})
	if err != nil {
		return publish.Receipt{}, c.redact(c.transportError(ctx, err))
	}
	defer resp.Body.Close()
	reply, rerr := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return publish.Receipt{}, c.redact(c.apiError(resp, reply, now))
	}
	c.caps.sent(now) // X took it, whatever follows
	if rerr != nil {
		return publish.Receipt{}, c.redact(fmt.Errorf("%s: read reply to a created post: %w", c.name, rerr))
	}
	rcpt, err := receipt(reply, c.now())
	if err != nil {
		// The post was most likely made: a retry is answered "duplicate
		// content", which records it as posted.
		return publish.Receipt{}, c.redact(fmt.Errorf("%s: %d reply without a post id: %w", c.name, resp.StatusCode, err))
	}
	c.log.Debug("x post created", slog.String("post_id", rcpt.ID))
	return rcpt, nil
}

// DryRun returns the request Publish would send for p, without sending it.
// Credentials travel in the Authorization header and are not returned.
func (c *Client) DryRun(_ context.Context, p publish.Post) (method, target string, body []byte, err error) {
	body, err = requestBody(p)
	if err != nil {
		return "", "", nil, fmt.Errorf("%s: dry run: %w", c.name, err)
	}
	return http.MethodPost, c.server + tweetsPath, body, nil
}

// createRequest is CreatePostsRequest of the X API v2, as Hookline fills
// it: the spec allows no properties beyond its own.
type createRequest struct {
	Text string `json:"text"`
}

func requestBody(p publish.Post) ([]byte, error) {
	if strings.TrimSpace(p.Text) == "" {
		return nil, fmt.Errorf("post for article %q has no text: %w", p.ArticleID, publish.ErrInvalid)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "&" and "<" as written; X counts them as one character
	if err := enc.Encode(createRequest{Text: p.Text}); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// newRequest is a request to the API at path, with body as its JSON (nil
// for none).
func (c *Client) newRequest(ctx context.Context, method, path string, body []byte) (*http.Request, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.server+path, rd)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "hookline")
	return req, nil
}

// createResponse is CreatePostsResponse.
type createResponse struct {
	Data *struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	} `json:"data"`
	Errors []problem `json:"errors"`
}

func receipt(reply []byte, now time.Time) (publish.Receipt, error) {
	var r createResponse
	if err := json.Unmarshal(reply, &r); err != nil {
		return publish.Receipt{}, fmt.Errorf("decode: %w", err)
	}
	if r.Data == nil || !isID(r.Data.ID) {
		msg := "no data.id"
		if len(r.Errors) > 0 {
			msg += ": " + r.Errors[0].text()
		}
		return publish.Receipt{}, errors.New(msg)
	}
	return publish.Receipt{ID: r.Data.ID, URL: statusURL + r.Data.ID, At: now}, nil
}

// isID reports whether s is a post id as the spec writes it: 1 to 19 digits.
func isID(s string) bool {
	if len(s) == 0 || len(s) > 19 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// redact removes every credential from err's message, should any layer have
// put one there; errors.Is and errors.As still see the original.
func (c *Client) redact(err error) error { return c.redactor.Error(err) }

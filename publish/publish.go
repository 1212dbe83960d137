// Package publish defines what every network's client does: take a Post and
// return a Receipt, or a typed error the scheduler can act on.
package publish

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hookline/hookline/teaser/fit"
)

// Post is one fitted post for one account.
type Post struct {
	// Account is the account's name in config.yaml, e.g. "x-main".
	Account string
	// ArticleID is the stable id of the article the post teases.
	ArticleID string
	// Text is the whole post as fitted for the network: teaser, link, hashtags.
	Text string
	// Link is the article URL as it appears in Text (with UTM parameters when
	// configured); empty when the post has no link.
	Link string
	// Hashtags are the hashtags as they appear in Text, each with its "#".
	Hashtags []string
	// Lang is the post's language tag; empty for the account's default.
	Lang string
	// Title, Description and Image describe the article for link cards.
	Title, Description, Image string
	// IdempotencyKey is derived from the article and the account, so that a
	// retried post is recognised by the network as the same post.
	IdempotencyKey string
	// Attempt is this send's number, from 1, set by the deliverer. Above 1 an
	// earlier send may have reached the network unseen; a network whose
	// idempotency keys expire (Mastodon keeps them an hour) looks for that
	// post before sending again.
	Attempt int `json:"-"`
	// ByHand reports that a person asked for this send (hookline retry, or
	// post of a failed one): a network that cannot tell whether an earlier
	// attempt reached it sends anyway instead of refusing (ErrUnconfirmed).
	ByHand bool `json:"-"`
}

// Receipt is what a network returns for a post it accepted.
type Receipt struct {
	// ID is the network's id for the post (status id, tweet id, at:// URI).
	ID string
	// URL is where a person can see the post; it may be empty.
	URL string
	// At is when the network accepted the post.
	At time.Time
}

// Publisher posts to one account of one network.
type Publisher interface {
	Publish(ctx context.Context, p Post) (Receipt, error)
}

// Limiter is implemented by publishers that know their account's length
// rules, such as a Mastodon instance's max_characters; posts for them are
// fitted to these rules rather than to the network's defaults.
type Limiter interface {
	Rules(ctx context.Context) (fit.Rules, error)
}

// DryRunner is implemented by publishers that can show the request they
// would send for a post without sending it: the method, the URL and the body
// exactly as sent. Secrets (tokens, passwords, signatures) travel in headers
// and are never part of what DryRun returns.
type DryRunner interface {
	DryRun(ctx context.Context, p Post) (method, url string, body []byte, err error)
}

// SelfIdentifier is implemented by publishers that can ask the network who
// their account is: the account itself, not the config that names it, so
// that a renamed entry with new credentials is still known for the same
// account (see publish/networks.Self). The answer is qualified by the
// network ("mastodon:https://m.example#109…", "bluesky:did:plc:…",
// "x:12345") and holds no secret.
type SelfIdentifier interface {
	SelfID(ctx context.Context) (string, error)
}

// Sentinel errors that callers branch on with errors.Is. Publishers wrap them
// with the account, the HTTP status and what to do.
var (
	// ErrUnauthorized means the credentials were refused; retrying will not help.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrDuplicate means the network already has this post; it counts as done.
	ErrDuplicate = errors.New("duplicate")
	// ErrInvalid means the network refused the post itself (too long, bad field).
	ErrInvalid = errors.New("invalid")
	// ErrQuota means a configured daily or monthly cap would be exceeded.
	ErrQuota = errors.New("quota exceeded")
	// ErrUnconfirmed means a resend was not made: an earlier attempt may
	// have reached a network that would not recognise the resend as the
	// same post, and whether it did could not be checked. A person decides
	// (Post.ByHand).
	ErrUnconfirmed = errors.New("earlier attempt unconfirmed")
)

// RateLimitError means the network asked us to wait until Reset.
type RateLimitError struct {
	// Reset is when the network will accept requests again; zero when unknown.
	Reset time.Time
	// Err is the underlying error.
	Err error
}

// Error says the network rate limited the post, and until when if known.
func (e *RateLimitError) Error() string {
	if e.Reset.IsZero() {
		return fmt.Sprintf("rate limited: %v", e.Err)
	}
	return fmt.Sprintf("rate limited until %s: %v", e.Reset.UTC().Format(time.RFC3339), e.Err)
}

// Unwrap returns Err.
func (e *RateLimitError) Unwrap() error { return e.Err }

// Retryable reports whether posting again later may succeed: true for rate
// limits, server errors and network failures; false for unauthorized,
// duplicate, invalid, quota and unconfirmed errors.
func Retryable(err error) bool {
	if err == nil {
		return false
	}
	for _, perm := range []error{ErrUnauthorized, ErrDuplicate, ErrInvalid, ErrQuota, ErrUnconfirmed} {
		if errors.Is(err, perm) {
			return false
		}
	}
	return !errors.Is(err, context.Canceled)
}

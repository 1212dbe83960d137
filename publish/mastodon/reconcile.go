package mastodon

// Why reconcile: Idempotency-Key alone does not make a resent post safe.
// Mastodon remembers a key for one hour, and some versions answer a repeated
// key with HTTP 500 instead of the status the first request created
// (mastodon/mastodon#40399: the duplicate is detected, no second status is
// made, but the reply is an error). A lost reply, a crash before the receipt
// was stored, or that bug would otherwise leave a post that exists but is
// recorded as failed, and a retry after the key expires would post it twice.
//
// So when a post ends in a 5xx or a broken connection, Publish reads the
// account's most recent statuses and takes one whose text is the post's text
// (HTML stripped, whitespace folded) and which was created within
// reconcileWindow as the post. This needs read:accounts and read:statuses on
// the token besides write:statuses; without them the lookup fails, is logged,
// and the original, retryable error stands.

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"

	gomastodon "github.com/mattn/go-mastodon"

	"github.com/hookline/hookline/publish"
)

const (
	// reconcileWindow bounds how old a matching status may be to count as
	// this post: longer than the hour Mastodon keeps keys, so retries after
	// that are covered, short enough that an old post with the same text (an
	// edited article posted again) is not mistaken for this one.
	reconcileWindow = 24 * time.Hour
	// reconcileStatuses is how many recent statuses are compared.
	reconcileStatuses = 20
)

// findPosted returns the account's recent status that is p, or nil.
func (c *Client) findPosted(ctx context.Context, p publish.Post) (*gomastodon.Status, error) {
	id, err := c.ownID(ctx)
	if err != nil {
		return nil, err
	}
	statuses, err := c.api.GetAccountStatusesParams(ctx, id,
		url.Values{"exclude_reblogs": {"true"}},
		&gomastodon.Pagination{Limit: reconcileStatuses})
	if err != nil {
		return nil, err
	}
	want := foldSpace(p.Text)
	since := c.now().Add(-reconcileWindow)
	for _, st := range statuses {
		if st.CreatedAt.Before(since) {
			continue
		}
		if plainText(st.Content) == want {
			return st, nil
		}
	}
	return nil, nil
}

func (c *Client) ownID(ctx context.Context) (gomastodon.ID, error) {
	c.mu.Lock()
	id := c.accountID
	c.mu.Unlock()
	if id != "" {
		return id, nil
	}
	me, err := c.api.GetAccountCurrentUser(ctx)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.accountID = me.ID
	c.mu.Unlock()
	return me.ID, nil
}

var (
	breakTags = regexp.MustCompile(`(?i)<br\s*/?>|</p>\s*<p[^>]*>`)
	anyTag    = regexp.MustCompile(`<[^>]*>`)
)

// plainText turns a status's HTML content back into its text as posted:
// Mastodon wraps paragraphs in <p>, lines in <br>, and links and hashtags in
// <a> and <span> elements whose text is the original.
func plainText(content string) string {
	s := breakTags.ReplaceAllString(content, " ")
	s = anyTag.ReplaceAllString(s, "")
	return foldSpace(html.UnescapeString(s))
}

func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

package mastodon

// Why reconcile: Idempotency-Key alone does not make a resent post safe.
// Mastodon remembers a key for one hour, and some versions answer a repeated
// key with HTTP 500 instead of the status the first request created
// (mastodon/mastodon#40399: the duplicate is detected, no second status is
// made, but the reply is an error). A lost reply, a crash before the receipt
// was stored, or that bug would otherwise leave a post that exists but is
// recorded as failed, and a retry after the key expires would post it twice.
//
// So when a post ends in a 5xx or a broken connection, Publish pages back
// through the account's statuses (not only the newest: a crash mid-batch
// leaves the post behind the batch's later ones) and takes one whose text is the post's text
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
	// reconcilePage is how many statuses one page asks for (Mastodon's
	// most), and reconcilePages how many pages are read at most: a crash
	// mid-batch may leave the post behind many newer ones.
	reconcilePage  = 40
	reconcilePages = 25
)

// findPosted returns the account's status that is p, or nil. It pages back
// through the account's statuses (max_id, newest first) until it passes
// reconcileWindow, reads a page with nothing new, or has read
// reconcilePages pages.
func (c *Client) findPosted(ctx context.Context, p publish.Post) (*gomastodon.Status, error) {
	id, err := c.ownID(ctx)
	if err != nil {
		return nil, err
	}
	want := foldSpace(p.Text)
	since := c.now().Add(-reconcileWindow)
	var maxID gomastodon.ID
	for range reconcilePages {
		statuses, err := c.api.GetAccountStatusesParams(ctx, id,
			url.Values{"exclude_reblogs": {"true"}},
			&gomastodon.Pagination{Limit: reconcilePage, MaxID: maxID})
		if err != nil {
			return nil, err
		}
		passed := false
		for _, st := range statuses {
			if st.CreatedAt.Before(since) {
				passed = true
				continue
			}
			if plainText(st.Content) == want {
				return st, nil
			}
		}
		if passed || len(statuses) == 0 {
			return nil, nil
		}
		next := statuses[len(statuses)-1].ID
		if next == maxID {
			return nil, nil // the server ignores max_id: no older page
		}
		maxID = next
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

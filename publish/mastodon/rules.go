package mastodon

import (
	"context"

	"github.com/hookline/hookline/teaser/fit"
)

// Rules returns the fit rules of the account's instance: its
// max_characters (or the account's max_chars) and characters_reserved_per_url,
// learned as Limits says. The error is always nil: an instance that cannot
// tell gets Mastodon's defaults.
func (c *Client) Rules(ctx context.Context) (fit.Rules, error) {
	l := c.Limits(ctx)
	return Rules(l.MaxChars, l.URLLength), nil
}

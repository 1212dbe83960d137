package mastodon

import (
	"context"
	"fmt"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/internal/identity"
)

var _ publish.SelfIdentifier = (*Client)(nil)

// SelfID is the account the token posts as, asked of the instance once
// (GET /api/v1/accounts/verify_credentials, which needs read:accounts or
// profile on the token; the reconcile look-up asks the same): "mastodon:",
// the instance in one form, "#" and the account's id there. Bounded by the
// account's timeout.
func (c *Client) SelfID(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	id, err := c.ownID(ctx)
	if err != nil {
		return "", fmt.Errorf("%s: verify credentials: %w", c.name, c.redact(err))
	}
	if id == "" {
		return "", fmt.Errorf("%s: verify credentials: the instance answered without an account id", c.name)
	}
	return "mastodon:" + identity.Server(c.server) + "#" + string(id), nil
}

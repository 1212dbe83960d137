package bluesky

import (
	"context"
	"fmt"
	"strings"

	"github.com/hookline/hookline/publish"
)

var _ publish.SelfIdentifier = (*Client)(nil)

// SelfID is the account the session belongs to: "bluesky:" and its DID,
// which createSession (or refreshSession) answers with and which stays the
// same whether the config names the account by handle or by DID, and when
// the handle or the PDS changes. It logs in when there is no session yet,
// bounded by the account's timeout.
func (c *Client) SelfID(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	s, err := c.currentSession(ctx)
	if err != nil {
		return "", c.redactor.Error(err)
	}
	if !strings.HasPrefix(s.did, "did:") {
		return "", fmt.Errorf("%s: the session's DID %q is not a DID", c.name, s.did)
	}
	return "bluesky:" + s.did, nil
}

package x

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/internal/apierr"
)

var _ publish.SelfIdentifier = (*Client)(nil)

// mePath is the endpoint that says whose the credentials are (getUsersMe).
const mePath = "/2/users/me"

// meResponse is GetUsersMeResponse, the fields Hookline reads.
type meResponse struct {
	Data *struct {
		ID string `json:"id"`
	} `json:"data"`
	Errors []problem `json:"errors"`
}

// SelfID is the user the credentials post as, asked of X once (GET
// /2/users/me, which OAuth 2.0 tokens reach with users.read, as `hookline
// auth x` asks): "x:" and the user's id. With OAuth 2.0 it refreshes the
// access token first when it must, like a post. Bounded by the account's
// timeout.
func (c *Client) SelfID(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	resp, err := c.creds.do(ctx, func() (*http.Request, error) {
		return c.newRequest(ctx, http.MethodGet, mePath, nil)
	})
	if err != nil {
		return "", c.redact(c.transportError(ctx, err))
	}
	defer resp.Body.Close()
	reply, err := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	if err != nil {
		return "", c.redact(fmt.Errorf("%s: read %s: %w", c.name, mePath, err))
	}
	if resp.StatusCode != http.StatusOK {
		return "", c.redact(fmt.Errorf("%s: ask X who the account is (%s): %w", c.name, mePath,
			&apierr.Status{Code: resp.StatusCode, Msg: parseProblem(reply).text()}))
	}
	var me meResponse
	if err := json.Unmarshal(reply, &me); err != nil {
		return "", c.redact(fmt.Errorf("%s: decode %s: %w", c.name, mePath, err))
	}
	if me.Data == nil || !isID(me.Data.ID) {
		return "", fmt.Errorf("%s: %s answered without a user id", c.name, mePath)
	}
	return "x:" + me.Data.ID, nil
}

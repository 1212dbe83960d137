package bluesky

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/internal/apierr"
)

// appPasswordHelp says where a Bluesky user makes an app password.
const appPasswordHelp = "create one under Settings → Privacy and security → App passwords"

// wrap turns what an XRPC call returned into an error naming the account,
// the step and what to do, wrapping the publish sentinels. Errors already
// wrapped pass through. A server may echo the request in its error body;
// the client's transport redacts the app password and the session's tokens
// from it before it is read, and Publish redacts what it returns again.
func (c *Client) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var ae *apierr.Worded
	var rl *publish.RateLimitError
	if errors.As(err, &ae) || errors.As(err, &rl) {
		return err
	}
	var xe *xrpcError
	if !errors.As(err, &xe) {
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("%s: %s: no answer from %s within %s (timeout), will retry: %w", c.name, op, c.server, c.timeout, err)
		}
		if u := apierr.Unreachable(c.name+": "+op, c.server, err); u != nil {
			return u
		}
		return fmt.Errorf("%s: %s: %w", c.name, op, err)
	}
	switch {
	case xe.Status == http.StatusTooManyRequests || xe.Name == "RateLimitExceeded":
		return &publish.RateLimitError{
			Reset: xe.Reset,
			Err:   fmt.Errorf("%s: %s: 429 rate limited by %s; Hookline posts again after the reset: %w", c.name, op, c.server, xe),
		}
	case xe.Name == "AccountTakedown" || xe.Name == "AccountDeactivated":
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: %d %s: the account cannot post (%s); sign in at %s to see why", c.name, xe.Status, xe.Name, orUnknown(xe.Message), c.server),
			Err: fmt.Errorf("%w: %w", publish.ErrUnauthorized, xe),
		}
	case xe.Status == http.StatusUnauthorized || xe.Name == "AuthenticationRequired" || xe.Name == "InvalidToken" || xe.Name == "ExpiredToken":
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 401 unauthorized: the app password was refused; %s (identifier %q, server %s)", c.name, appPasswordHelp, c.identifier, c.server),
			Err: fmt.Errorf("%w: %w", publish.ErrUnauthorized, xe),
		}
	case xe.Status == http.StatusForbidden:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 403 forbidden: %s; the app password may not write posts: %s", c.name, orUnknown(xe.Message), appPasswordHelp),
			Err: fmt.Errorf("%w: %w", publish.ErrUnauthorized, xe),
		}
	case xe.Status >= 500 || xe.Status == http.StatusRequestTimeout:
		return fmt.Errorf("%s: %s: server error, will retry: %w", c.name, op, xe)
	case xe.Status >= 400:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: %s: %d %s: the server refused it: %s", c.name, op, xe.Status, orUnknown(xe.Name), orUnknown(xe.Message)),
			Err: fmt.Errorf("%w: %w", publish.ErrInvalid, xe),
		}
	}
	return fmt.Errorf("%s: %s: unexpected answer: %w", c.name, op, xe)
}

func orUnknown(s string) string {
	if s == "" {
		return "no reason given"
	}
	return s
}

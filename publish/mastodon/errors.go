package mastodon

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"

	gomastodon "github.com/mattn/go-mastodon"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/internal/apierr"
)

// classify turns what go-mastodon or the transport returned into an error
// naming the account and what to do, wrapping the publish sentinels.
func (c *Client) classify(ctx context.Context, err error) error {
	var rl *publish.RateLimitError
	if errors.As(err, &rl) {
		return c.redact(&apierr.Worded{Msg: fmt.Sprintf("%s: %v; Hookline posts again after the reset", c.name, rl), Err: rl})
	}
	var api *gomastodon.APIError
	if errors.As(err, &api) {
		return c.redact(c.apiError(api.StatusCode, api.Message))
	}
	if errors.Is(err, context.DeadlineExceeded) || ctx.Err() == context.DeadlineExceeded {
		return c.redact(fmt.Errorf("%s: no answer from %s within %s (timeout): %w", c.name, c.server, c.timeout, context.DeadlineExceeded))
	}
	if u := apierr.Unreachable(c.name, c.server, err); u != nil {
		return c.redact(u)
	}
	return c.redact(fmt.Errorf("%s: post status: %w", c.name, err))
}

func (c *Client) apiError(code int, msg string) error {
	he := &apierr.Status{Code: code, Msg: msg}
	switch {
	case code == http.StatusUnauthorized:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 401 unauthorized: the access token was refused; create a new one under Preferences → Development with write:statuses%s", c.name, detail(msg)),
			Err: fmt.Errorf("%w: %w", publish.ErrUnauthorized, he),
		}
	case code == http.StatusForbidden:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 403 forbidden: the access token may not post (missing write:statuses, or the account is disabled); create a new one under Preferences → Development with write:statuses%s", c.name, detail(msg)),
			Err: fmt.Errorf("%w: %w", publish.ErrUnauthorized, he),
		}
	case code == http.StatusUnprocessableEntity:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 422 invalid post: %s; fix the post or the account's settings (max_chars, language, visibility)", c.name, orUnknown(msg)),
			Err: fmt.Errorf("%w: %w", publish.ErrInvalid, he),
		}
	case code == http.StatusNotFound:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 404 not found: %s has no Mastodon API at %s; check the account's server", c.name, c.server, statusesPath),
			Err: fmt.Errorf("%w: %w", publish.ErrInvalid, he),
		}
	case code >= 500 || code == http.StatusRequestTimeout || code == http.StatusTooEarly:
		return fmt.Errorf("%s: instance error, will retry: %w", c.name, he)
	case code >= 400:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: %v; the instance refused the post", c.name, he),
			Err: fmt.Errorf("%w: %w", publish.ErrInvalid, he),
		}
	}
	return fmt.Errorf("%s: unexpected reply: %w", c.name, he)
}

// retryAfterReconcile reports whether err leaves it unknown whether the
// status was created: a 5xx, or a connection that broke after the request
// went out. Not a failed dial (nothing was sent), a rate limit, or a timeout
// (which leaves no time to look).
func retryAfterReconcile(err error) bool {
	var api *gomastodon.APIError
	if errors.As(err, &api) {
		return api.StatusCode >= 500
	}
	var (
		rl *publish.RateLimitError
		op *net.OpError
	)
	if errors.As(err, &op) && op.Op == "dial" {
		return false
	}
	return !errors.As(err, &rl) && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled)
}

func detail(msg string) string {
	if msg == "" {
		return ""
	}
	return " (server said: " + msg + ")"
}

func orUnknown(msg string) string {
	if msg == "" {
		return "the server gave no reason"
	}
	return msg
}

// redact removes every secret the redactor knows from err's message,
// should any layer have put one there; errors.Is and errors.As still see
// the original.
func (c *Client) redact(err error) error {
	return c.redactor.Error(err)
}

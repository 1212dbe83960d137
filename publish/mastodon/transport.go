package mastodon

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/internal/apierr"
)

// statusesPath is the endpoint that creates a status; the only one that
// honours Idempotency-Key.
const statusesPath = "/api/v1/statuses"

type idempotencyKey struct{}

type captureKey struct{}

// withIdempotencyKey carries key to the transport, which sends it as the
// Idempotency-Key header of the status it creates.
func withIdempotencyKey(ctx context.Context, key string) context.Context {
	if key == "" {
		return ctx
	}
	return context.WithValue(ctx, idempotencyKey{}, key)
}

// captured is a request the transport recorded instead of sending (dry run).
type captured struct {
	method, url string
	body        []byte
}

// errCaptured stops a dry-run request after the transport recorded it.
var errCaptured = errors.New("dry run: request captured, not sent")

// transport wraps the HTTP client's transport to do what go-mastodon does
// not: send an Idempotency-Key with each new status, and turn a 429 into a
// *publish.RateLimitError at once, so the library never sleeps and retries.
// It also puts the access token into the Authorization header that
// go-mastodon leaves empty, so the token is unwrapped only as a request
// goes out (and never for a dry run).
type transport struct {
	base  http.RoundTripper
	token config.Secret
	now   func() time.Time
}

// RoundTrip implements http.RoundTripper.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if key, ok := req.Context().Value(idempotencyKey{}).(string); ok &&
		req.Method == http.MethodPost && strings.HasSuffix(req.URL.Path, statusesPath) {
		req = req.Clone(req.Context())
		req.Header.Set("Idempotency-Key", key)
	}
	if c, ok := req.Context().Value(captureKey{}).(*captured); ok {
		return nil, capture(c, req)
	}
	if req.Method == http.MethodPost && req.GetBody != nil {
		// Go's http.Transport re-sends on its own a request it takes for
		// replayable — one carrying an Idempotency-Key — when a reused
		// connection breaks after the request went out; a server that
		// ignores the key then makes the status twice. Without GetBody it
		// cannot: every resend is deliver's decision, after a look.
		req = req.Clone(req.Context())
		req.GetBody = nil
	}
	if strings.HasPrefix(req.Header.Get("Authorization"), "Bearer") {
		req = req.Clone(req.Context())
		req.Header.Set("Authorization", "Bearer "+t.token.Value())
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusTooManyRequests {
		return resp, err
	}
	msg := errorText(resp.Body)
	resp.Body.Close()
	return nil, &publish.RateLimitError{
		Reset: rateLimitReset(resp.Header, t.now()),
		Err:   &apierr.Status{Code: http.StatusTooManyRequests, Msg: msg},
	}
}

func capture(c *captured, req *http.Request) error {
	c.method, c.url = req.Method, req.URL.String()
	if req.Body != nil {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return err
		}
		c.body = body
	}
	return errCaptured
}

// rateLimitReset reads when the limit lifts: X-RateLimit-Reset (ISO 8601, as
// Mastodon sends it), else Retry-After (seconds or an HTTP date); zero when
// neither is there or readable.
func rateLimitReset(h http.Header, now time.Time) time.Time {
	if v := strings.TrimSpace(h.Get("X-RateLimit-Reset")); v != "" {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700"} {
			if t, err := time.Parse(layout, v); err == nil {
				return t
			}
		}
		if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs > 1e9 {
			return time.Unix(secs, 0) // some forks send Unix time
		}
	}
	return apierr.RetryAfter(h, now)
}

// errorText reads Mastodon's {"error": "..."} body, bounded, or "" if it is
// not one.
func errorText(r io.Reader) string {
	data, _ := io.ReadAll(io.LimitReader(r, 64<<10))
	var e struct {
		Error string `json:"error"`
	}
	if decodeJSON(bytes.NewReader(data), &e) != nil {
		return ""
	}
	return e.Error
}

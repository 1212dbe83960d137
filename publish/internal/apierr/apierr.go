// Package apierr holds the error values the network publishers share: an
// error worded for the person running Hookline that still matches its
// sentinel, a non-2xx HTTP status and the Retry-After header. Credentials
// are scrubbed by package redact.
package apierr

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Worded is an error whose message is written for the person running
// Hookline (account, what happened, what to do), and which still matches
// the sentinel or typed error it wraps with errors.Is and errors.As.
type Worded struct {
	// Msg is the whole message, account name first.
	Msg string
	// Err is what errors.Unwrap returns.
	Err error
}

// Error returns Msg.
func (e *Worded) Error() string { return e.Msg }

// Unwrap returns Err.
func (e *Worded) Unwrap() error { return e.Err }

// Status is a non-2xx HTTP reply, with what the server said about it.
type Status struct {
	// Code is the HTTP status code.
	Code int
	// Msg is the server's explanation; empty when it gave none.
	Msg string
}

// Error returns e.g. "422 unprocessable entity: text too long".
func (e *Status) Error() string {
	s := fmt.Sprintf("%d %s", e.Code, strings.ToLower(http.StatusText(e.Code)))
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	return s
}

// RetryAfter reads the Retry-After header, in seconds or as an HTTP date,
// relative to now; zero when it is missing or unreadable.
func RetryAfter(h http.Header, now time.Time) time.Time {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return time.Time{}
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return now.Add(time.Duration(secs) * time.Second)
	}
	if t, err := http.ParseTime(v); err == nil {
		return t
	}
	return time.Time{}
}

// Unreachable words an error from a connection that could not be made
// ("connection refused", a host that does not resolve, no route): it names
// the account and the server and says what to check. It returns nil for
// any other error, which the caller words itself. A retry may succeed, so
// the error stays retryable.
func Unreachable(account, server string, err error) error {
	var op *net.OpError
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		return fmt.Errorf("%s: cannot reach %s: the host name %q does not resolve; check the account's server, will retry: %w", account, server, dns.Name, err)
	case errors.As(err, &op) && op.Op == "dial":
		why := "the connection failed"
		switch {
		case errors.Is(err, syscall.ECONNREFUSED):
			why = "connection refused"
		case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
			why = "no route to it"
		}
		return fmt.Errorf("%s: cannot reach %s (%s); check the account's server and the network, will retry: %w", account, server, why, err)
	}
	return nil
}

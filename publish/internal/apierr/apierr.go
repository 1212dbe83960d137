// Package apierr holds the error values the network publishers share: an
// error worded for the person running Hookline that still matches its
// sentinel, a non-2xx HTTP status and the Retry-After header. Credentials
// are scrubbed by package redact.
package apierr

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
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

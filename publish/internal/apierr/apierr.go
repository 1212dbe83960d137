// Package apierr holds the error values the network publishers share: an
// error worded for the person running Hookline that still matches its
// sentinel, a non-2xx HTTP status, the Retry-After header, and the scrubbing
// of credentials from messages.
package apierr

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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

// Redact returns err with every non-empty secret in its message replaced by
// "[redacted]", as a *Worded that still unwraps to err; err itself when its
// message holds none. Publishers call it on every error they return, should
// any layer (a library, a server echoing a request) have put a credential
// there.
func Redact(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	out := msg
	for _, s := range secrets {
		out = redactOne(out, s)
	}
	if out == msg {
		return err
	}
	return &Worded{Msg: out, Err: err}
}

// shortSecret is the length under which a secret is redacted only where it
// stands alone, not inside a longer word: a two-letter password would
// otherwise mangle every word of an error that happens to contain it.
const shortSecret = 8

// redactOne replaces secret in msg with "[redacted]": everywhere when it is
// long, and only between non-alphanumeric characters when it is short.
func redactOne(msg, secret string) string {
	if secret == "" {
		return msg
	}
	if len(secret) >= shortSecret {
		return strings.ReplaceAll(msg, secret, "[redacted]")
	}
	var b strings.Builder
	rest := msg
	for {
		i := strings.Index(rest, secret)
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		end := i + len(secret)
		before, _ := utf8.DecodeLastRuneInString(rest[:i])
		after, _ := utf8.DecodeRuneInString(rest[end:])
		b.WriteString(rest[:i])
		if i > 0 && isAlnum(before) || end < len(rest) && isAlnum(after) {
			b.WriteString(secret)
		} else {
			b.WriteString("[redacted]")
		}
		rest = rest[end:]
	}
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

package x

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/internal/apierr"
)

// problem is the union of the error bodies of the X API v2 spec: a Problem
// (RFC 7807: type, title, detail, status), the older Error ({code,
// message}), and a CreatePostsResponse whose errors list either.
type problem struct {
	Type    string    `json:"type"`
	Title   string    `json:"title"`
	Detail  string    `json:"detail"`
	Status  int       `json:"status"`
	Reason  string    `json:"reason"`
	Code    int       `json:"code"`
	Message string    `json:"message"`
	Errors  []problem `json:"errors"`
}

// maxDetail bounds what of X's explanation goes into a message, in bytes.
const maxDetail = 300

// text is what the problem says, most specific first: detail, else
// message, else title; then the messages of nested errors not yet said.
func (p problem) text() string {
	var parts []string
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && !containsFold(parts, s) {
			parts = append(parts, s)
		}
	}
	switch {
	case p.Detail != "":
		add(p.Detail)
	case p.Message != "":
		add(p.Message)
	default:
		add(p.Title)
	}
	for _, e := range p.Errors {
		add(e.text())
	}
	s := strings.Join(parts, "; ")
	if len(s) > maxDetail {
		cut := maxDetail
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// duplicate reports whether X refused the post as already posted: the v2
// detail "You are not allowed to create a Tweet with duplicate content.",
// or v1.1's code 187 "Status is a duplicate."
func (p problem) duplicate() bool {
	if p.Code == 187 || strings.Contains(strings.ToLower(p.Detail+" "+p.Message), "duplicate") {
		return true
	}
	for _, e := range p.Errors {
		if e.duplicate() {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// parseProblem reads an error body; a body that is not JSON gives a
// problem whose detail is its first line, so a proxy's error page still
// says something.
func parseProblem(body []byte) problem {
	var p problem
	if err := json.Unmarshal(body, &p); err != nil {
		line, _, _ := strings.Cut(strings.TrimSpace(string(body)), "\n")
		if len(line) > 120 || strings.HasPrefix(line, "<") {
			line = ""
		}
		return problem{Detail: line}
	}
	return p
}

// apiError turns a non-2xx reply into an error naming the account and
// what to do, wrapping the publish sentinels.
func (c *Client) apiError(resp *http.Response, body []byte, now time.Time) error {
	code := resp.StatusCode
	p := parseProblem(body)
	he := &apierr.Status{Code: code, Msg: p.text()}
	said := ""
	if he.Msg != "" {
		said = " (X said: " + he.Msg + ")"
	}
	fix := "regenerate it with Read and Write"
	if c.creds.kind() == "OAuth 2.0" {
		fix = fmt.Sprintf("run `hookline auth x %s` to grant tweet.write", c.name)
	}
	switch {
	case code == http.StatusForbidden && p.duplicate():
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 403 duplicate: X already has a post with this text%s; recorded as posted", c.name, said),
			Err: fmt.Errorf("%w: %w", publish.ErrDuplicate, he),
		}
	case code == http.StatusUnauthorized:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 401 unauthorized: the %s credentials were refused, or the access token lacks write permission; %s%s", c.name, c.creds.kind(), fix, said),
			Err: fmt.Errorf("%w: %w", publish.ErrUnauthorized, he),
		}
	case code == http.StatusForbidden:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 403 forbidden: the access token lacks write permission, or the app's access level does not allow posting; %s%s", c.name, fix, said),
			Err: fmt.Errorf("%w: %w", publish.ErrUnauthorized, he),
		}
	case code == http.StatusTooManyRequests:
		rl := &publish.RateLimitError{Reset: rateLimitReset(resp.Header, now), Err: he}
		return &apierr.Worded{Msg: fmt.Sprintf("%s: %v; Hookline posts again after the reset", c.name, rl), Err: rl}
	case code >= 500 || code == http.StatusRequestTimeout || code == http.StatusTooEarly:
		return fmt.Errorf("%s: X server error, will retry: %w", c.name, he)
	case code == http.StatusBadRequest:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 400 invalid post: %s; fix the post (length, text) or the account's settings", c.name, cmp.Or(he.Msg, "X gave no reason")),
			Err: fmt.Errorf("%w: %w", publish.ErrInvalid, he),
		}
	case code == http.StatusNotFound:
		return &apierr.Worded{
			Msg: fmt.Sprintf("%s: 404 not found: %s has no %s; check the account's server (default %s)", c.name, c.server, tweetsPath, DefaultServer),
			Err: fmt.Errorf("%w: %w", publish.ErrInvalid, he),
		}
	}
	return &apierr.Worded{
		Msg: fmt.Sprintf("%s: %v; X refused the post", c.name, he),
		Err: fmt.Errorf("%w: %w", publish.ErrInvalid, he),
	}
}

// transportError names the account in an error from sending: a timeout, a
// broken connection, or an already worded error from the credentials.
func (c *Client) transportError(ctx context.Context, err error) error {
	var ae *apierr.Worded
	if errors.As(err, &ae) {
		return err
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%s: no answer from %s within %s (timeout), will retry: %w", c.name, c.server, c.timeout, context.DeadlineExceeded)
	}
	if u := apierr.Unreachable(c.name, c.server, err); u != nil {
		return u
	}
	return fmt.Errorf("%s: post to X: %w", c.name, err)
}

// rateLimitReset is when X accepts posts again: the later of
// x-rate-limit-reset (the endpoint's 15-minute window) and
// x-user-limit-24hour-reset (the user's daily limit; the app's too), all
// Unix seconds. A limit whose -remaining header says requests are left is
// not the one that refused, and is passed over unless none is exhausted.
// Else Retry-After; zero when nothing can be read.
func rateLimitReset(h http.Header, now time.Time) time.Time {
	var exhausted, any time.Time
	for _, k := range []string{"x-rate-limit", "x-user-limit-24hour", "x-app-limit-24hour"} {
		secs, err := strconv.ParseInt(strings.TrimSpace(h.Get(k+"-reset")), 10, 64)
		if err != nil || secs <= 0 || secs > 1<<40 {
			continue
		}
		t := time.Unix(secs, 0)
		any = later(any, t)
		left, err := strconv.Atoi(strings.TrimSpace(h.Get(k + "-remaining")))
		if err != nil || left <= 0 {
			exhausted = later(exhausted, t)
		}
	}
	if !exhausted.IsZero() {
		return exhausted
	}
	if !any.IsZero() {
		return any
	}
	return apierr.RetryAfter(h, now)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Package faultnet is a fault-injection harness for tests: httptest servers
// that speak the protocols Hookline posts to (Mastodon's statuses API, X's
// POST /2/tweets, Bluesky's XRPC) and serves feeds from, and that misbehave
// on command — answer 5xx, hang, reset the connection, dribble their answer,
// rate-limit, send a malformed body, or commit a post and answer only after
// the client has given up. Each fake counts the posts it really created, so
// a test can assert that every post exists exactly once.
package faultnet

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// Fault is one way a server misbehaves on a create request.
type Fault int

// The faults. Those marked "commits" create the post before misbehaving, so
// the client does not learn that the post exists.
const (
	// None answers as the real server does.
	None Fault = iota
	// Status500, Status502 and Status503 answer that status; nothing is created.
	Status500
	Status502
	Status503
	// Hang holds the request until the client gives up; nothing is created.
	Hang
	// Reset closes the connection without an answer; nothing is created.
	Reset
	// ResetAfter commits, then closes the connection without an answer.
	ResetAfter
	// Slow commits, then sends the answer one byte a second.
	Slow
	// RateLimited answers 429 with the protocol's reset headers, the reset
	// being RateReset after the server's clock.
	RateLimited
	// RateLimitedNoReset answers 429 without any reset header.
	RateLimitedNoReset
	// Malformed commits, then answers 2xx with a body that is not the
	// documented JSON.
	Malformed
	// Late commits, then answers only once the client has given up.
	Late
	// Unauthorized answers 401 as the protocol does for a refused token.
	Unauthorized
	// Hold holds the request before committing until Release is called (or
	// the client gives up), signalling Arrived first; then it answers
	// normally. Tests use it to keep a post in flight.
	Hold
)

var faultNames = [...]string{
	None: "none", Status500: "500", Status502: "502", Status503: "503", Hang: "hang until deadline",
	Reset: "connection reset", ResetAfter: "reset after commit", Slow: "slow (1 byte/s)",
	RateLimited: "429 with reset", RateLimitedNoReset: "429 without reset", Malformed: "malformed 2xx body",
	Late: "answer after deadline", Unauthorized: "401", Hold: "hold",
}

// String names the fault as the reliability table does.
func (f Fault) String() string {
	if f >= 0 && int(f) < len(faultNames) {
		return faultNames[f]
	}
	return "fault(?)"
}

// Commits reports whether the server creates the post under this fault.
func (f Fault) Commits() bool {
	switch f {
	case ResetAfter, Slow, Malformed, Late, None, Hold:
		return true
	}
	return false
}

// DefaultRateReset is how far after the server's clock a 429's reset lies.
const DefaultRateReset = 15 * time.Minute

// Created is one post a fake really created.
type Created struct {
	// Key is the Idempotency-Key (Mastodon), the record key (Bluesky), or
	// empty (X has none).
	Key string
	// Text is the post's text.
	Text string
	// ID is the id the fake gave it.
	ID string
	// At is the server's clock when it was created.
	At time.Time
}

// Server is the part every fake shares: the httptest server, the fault
// switch, the clock and the record of created posts.
type Server struct {
	// URL is the base URL, e.g. "http://127.0.0.1:41234".
	URL string
	// Now is the server's clock for created_at and rate-limit resets.
	// Defaults to time.Now; set it to the test's clock.
	Now func() time.Time
	// RateReset is how long after Now a RateLimited answer's reset lies.
	// Defaults to DefaultRateReset.
	RateReset time.Duration
	// Arrived receives a value when a request reaches the Hold fault.
	Arrived chan struct{}

	srv *httptest.Server

	mu       sync.Mutex
	fault    Fault
	left     int // requests the fault still applies to; <0 for all
	requests int // create requests received
	posts    []Created
	release  chan struct{}

	echoCode  int      // status of echo answers; 0 for none
	echoPaths []string // paths echoed; all when empty
}

func newServer(h http.Handler) *Server {
	s := &Server{Arrived: make(chan struct{}, 16), release: make(chan struct{})}
	s.srv = httptest.NewServer(h)
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down, releasing held requests first.
func (s *Server) Close() {
	s.Release()
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// Client returns an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Set makes the next n create requests meet fault f; n <= 0 means every
// request until Set is called again.
func (s *Server) Set(f Fault, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault, s.left = f, n
	if n <= 0 {
		s.left = -1
	}
	if f == Hold {
		s.release = make(chan struct{})
	}
}

// Clear switches faults off: the server recovers.
func (s *Server) Clear() { s.Set(None, 0) }

// Release lets requests held by Hold go on.
func (s *Server) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.release:
	default:
		close(s.release)
	}
}

// Requests returns how many create requests the server received.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// Created returns the posts really created, oldest first.
func (s *Server) Created() []Created {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Created(nil), s.posts...)
}

// Count returns how many created posts have this text.
func (s *Server) Count(text string) int {
	n := 0
	for _, c := range s.Created() {
		if c.Text == text {
			n++
		}
	}
	return n
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) rateReset() time.Time {
	d := s.RateReset
	if d <= 0 {
		d = DefaultRateReset
	}
	return s.now().Add(d)
}

// take counts a create request and returns the fault it meets.
func (s *Server) take() (Fault, chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	f := s.fault
	if f != None && s.left > 0 {
		s.left--
		if s.left == 0 {
			s.fault = None
		}
	}
	return f, s.release
}

// record adds a created post. Callers decide dedupe under their own lock
// and call record while holding it, so posts are never double-counted.
func (s *Server) record(c Created) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.posts = append(s.posts, c)
}

// CountKey returns how many created posts carry this key (the
// Idempotency-Key on Mastodon, the record key on Bluesky).
func (s *Server) CountKey(key string) int {
	n := 0
	for _, c := range s.Created() {
		if c.Key == key {
			n++
		}
	}
	return n
}

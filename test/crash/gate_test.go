package crash_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// hold says where a gateProxy stops a create request.
type hold int

const (
	// pass forwards every request at once.
	pass hold = iota
	// holdBefore keeps the create request before it reaches the network,
	// until the client goes away: the network never sees it.
	holdBefore
	// holdAfter forwards the create request (the network commits the post)
	// and keeps the answer until the client goes away: the post exists but
	// the client never learns it.
	holdAfter
	// pauseAnswer forwards the create request, says so on answered, waits
	// for proceed, then delivers the answer and says so on delivered.
	pauseAnswer
)

// gateProxy stands in front of a faultnet fake and stops its create
// requests (POST statuses, tweets, createRecord) where the test asks; every
// other request passes. It is the "network holds the request" of the crash
// table without any hook in the binary: the child talks real HTTP to it.
type gateProxy struct {
	URL  string
	mode atomic.Int32 // a hold
	// arrived gets a value when a create request reaches the proxy,
	// answered when the network has answered it (holdAfter, pauseAnswer),
	// delivered when the answer has been flushed to the client.
	arrived, answered, delivered chan struct{}
	proceed                      chan struct{}
	once                         sync.Once
}

func newGateProxy(t *testing.T, upstream string, mode hold) *gateProxy {
	t.Helper()
	target, err := url.Parse(upstream)
	if err != nil {
		t.Fatal(err)
	}
	g := &gateProxy{arrived: make(chan struct{}, 4), answered: make(chan struct{}, 4),
		delivered: make(chan struct{}, 4), proceed: make(chan struct{})}
	g.mode.Store(int32(mode))
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.ModifyResponse = func(resp *http.Response) error {
		if !isCreate(resp.Request) {
			return nil
		}
		switch hold(g.mode.Load()) {
		case holdAfter:
			signal(g.answered)
			select {
			case <-resp.Request.Context().Done(): // the child is killed while we hold
			case <-g.proceed: // the test ended
			}
			return errors.New("answer held")
		case pauseAnswer:
			signal(g.answered)
			select {
			case <-g.proceed:
			case <-resp.Request.Context().Done():
				return resp.Request.Context().Err()
			}
		}
		return nil
	}
	rp.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		w.WriteHeader(http.StatusBadGateway) // the child is gone; nobody reads this
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isCreate(r) {
			rp.ServeHTTP(w, r)
			return
		}
		// Read the body first: only then does the server watch the
		// connection and cancel r's context when the child dies.
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		signal(g.arrived)
		if hold(g.mode.Load()) == holdBefore {
			select {
			case <-r.Context().Done():
			case <-g.proceed: // the test ended
			}
			return
		}
		rp.ServeHTTP(w, r)
		_ = http.NewResponseController(w).Flush()
		signal(g.delivered)
	}))
	t.Cleanup(func() {
		g.release()
		srv.CloseClientConnections()
		srv.Close()
	})
	g.URL = srv.URL
	return g
}

// release lets a paused answer go to the client.
func (g *gateProxy) release() { g.once.Do(func() { close(g.proceed) }) }

// isCreate reports whether r makes a post on one of the fakes.
func isCreate(r *http.Request) bool {
	if r.Method != http.MethodPost {
		return false
	}
	p := r.URL.Path
	return p == "/api/v1/statuses" || p == "/2/tweets" || strings.HasSuffix(p, "/com.atproto.repo.createRecord")
}

func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// feedGate is a feed source that answers 304 Not Modified. When shut, it
// says arrived and waits for open before answering: `run --once` polls its
// sources in config order before it fires, and the gate is polled after
// the article folder, so while the gate waits the child has stored the
// article and not yet claimed a post.
type feedGate struct {
	URL      string
	arrived  chan struct{}
	answered chan struct{}
	open     chan struct{}
	shut     atomic.Bool
	openOnce sync.Once
}

func newFeedGate(t *testing.T, shut bool) *feedGate {
	t.Helper()
	g := &feedGate{arrived: make(chan struct{}, 4), answered: make(chan struct{}, 4), open: make(chan struct{})}
	g.shut.Store(shut)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.shut.Load() {
			signal(g.arrived)
			select {
			case <-g.open:
			case <-r.Context().Done():
				return
			}
		}
		w.WriteHeader(http.StatusNotModified)
		_ = http.NewResponseController(w).Flush()
		signal(g.answered)
	}))
	t.Cleanup(func() {
		g.release()
		srv.CloseClientConnections()
		srv.Close()
	})
	g.URL = srv.URL + "/feed.xml"
	return g
}

func (g *feedGate) release() { g.openOnce.Do(func() { close(g.open) }) }

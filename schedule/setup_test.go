package schedule

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// fakePub records posts. When hold is set, each Publish signals on started
// and waits for a value on hold (or ctx). errs gives the error of each
// call in turn (nil when exhausted).
type fakePub struct {
	mu      sync.Mutex
	posts   []publish.Post
	times   []time.Time
	now     func() time.Time
	errs    []error
	hold    chan struct{}
	started chan publish.Post
}

func (f *fakePub) Publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	if f.started != nil {
		f.started <- p
	}
	if f.hold != nil {
		select {
		case <-f.hold:
		case <-ctx.Done():
			return publish.Receipt{}, ctx.Err()
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.posts = append(f.posts, p)
	f.times = append(f.times, f.now())
	if len(f.errs) > 0 {
		err := f.errs[0]
		f.errs = f.errs[1:]
		if err != nil {
			return publish.Receipt{}, err
		}
	}
	return publish.Receipt{ID: fmt.Sprintf("r%d", len(f.posts)), URL: "https://example.test/" + p.IdempotencyKey}, nil
}

func (f *fakePub) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.posts)
}

// harness is a daemon on a fake clock, a temp store and a folder of
// articles, posting to fake publishers.
type harness struct {
	t      *testing.T
	ctx    context.Context
	clock  *FakeClock
	store  *store.Store
	d      *Daemon
	pubs   map[string]*fakePub
	fires  chan FireReport
	polls  chan string
	resume chan []deliver.Result
	reload chan struct{}
	dir    string
	runErr chan error
	cancel context.CancelFunc
}

const article1 = `---
title: Night train returns to the valley
url: https://news.example/night-train
---
The night train between the two cities returns after ten years, the operator said on Monday.

Tickets go on sale next week, and the first train leaves in May with sleeper cars.
`

const article2 = `---
title: Library opens at night
url: https://news.example/library
---
The city library will open until midnight from next month, the council decided.

Students asked for longer hours during exams.
`

func newHarness(t *testing.T, start time.Time, accounts ...string) *harness {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	dir := t.TempDir()
	arts := filepath.Join(dir, "articles")
	if err := os.MkdirAll(arts, 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "state.db"), store.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := NewFakeClock(start)
	st.Now = clk.Now
	h := &harness{t: t, ctx: ctx, clock: clk, store: st, pubs: map[string]*fakePub{}, dir: dir,
		fires: make(chan FireReport, 100), polls: make(chan string, 100), resume: make(chan []deliver.Result, 100),
		reload: make(chan struct{}, 10), cancel: cancel}
	for _, a := range accounts {
		h.pubs[a] = &fakePub{now: clk.Now}
	}
	h.d = &Daemon{
		Store: st, Clock: clk, Log: slog.New(slog.DiscardHandler), Rand: func() float64 { return 0 },
		Open: func(_ context.Context, a config.Account) (publish.Publisher, error) {
			p, ok := h.pubs[a.Name]
			if !ok {
				return nil, fmt.Errorf("%s: no fake", a.Name)
			}
			return p, nil
		},
		ResumeEvery: time.Minute,
		OnFire:      func(r FireReport) { h.fires <- r },
		OnPoll:      func(s string, err error) { h.polls <- s },
		OnResume:    func(r []deliver.Result) { h.resume <- r },
		OnReload:    func() { h.reload <- struct{}{} },
	}
	h.d.Deliverer = &deliver.Deliverer{Store: st, Now: clk.Now, Log: slog.New(slog.DiscardHandler), Rand: func() float64 { return 0 }}
	h.write("night-train.md", article1)
	return h
}

func (h *harness) write(name, body string) {
	h.t.Helper()
	if err := os.WriteFile(filepath.Join(h.dir, "articles", name), []byte(body), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// config returns a config with the harness's folder source, its accounts
// and the given schedules.
func (h *harness) config(scheds ...config.Schedule) *config.Config {
	c := &config.Config{
		State:     filepath.Join(h.dir, "state.db"),
		Timezone:  "UTC",
		Sources:   []config.Source{{Name: "folder", Kind: "folder", Path: filepath.Join(h.dir, "articles"), Poll: 24 * time.Hour}},
		Schedules: scheds,
	}
	for name := range h.pubs {
		c.Networks = append(c.Networks, config.Account{Name: name, Kind: "outbox"})
	}
	c.WithDefaults()
	if err := c.Validate(); err != nil {
		h.t.Fatal(err)
	}
	return c
}

// start runs the daemon and waits for its first poll and for the loop to
// wait on its timers (the loop's and the poller's).
func (h *harness) start(c *config.Config) {
	h.t.Helper()
	h.runErr = make(chan error, 1)
	go func() { h.runErr <- h.d.Run(h.ctx, c) }()
	for range c.Sources {
		h.waitPoll()
	}
	h.settle()
}

// settle waits until the loop and the poller wait on timers and no resume
// pass is running.
func (h *harness) settle() {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(h.ctx, 10*time.Second)
	defer cancel()
	if err := h.clock.BlockUntil(ctx, 2); err != nil {
		h.t.Fatalf("daemon never waited: %v", err)
	}
	h.drainResume()
}

func (h *harness) drainResume() {
	for {
		h.d.mu.Lock()
		busy := h.d.resuming
		h.d.mu.Unlock()
		if !busy {
			return
		}
		select {
		case <-h.resume:
		case <-time.After(10 * time.Second):
			h.t.Fatal("resume pass never ended")
		}
	}
}

func (h *harness) waitPoll() string {
	h.t.Helper()
	select {
	case s := <-h.polls:
		return s
	case <-time.After(10 * time.Second):
		h.t.Fatal("no poll")
	}
	return ""
}

func (h *harness) waitFire() FireReport {
	h.t.Helper()
	select {
	case r := <-h.fires:
		return r
	case <-time.After(10 * time.Second):
		h.t.Fatal("no fire")
	}
	return FireReport{}
}

func (h *harness) noFire() {
	h.t.Helper()
	select {
	case r := <-h.fires:
		h.t.Fatalf("unexpected fire: %+v", r)
	default:
	}
}

// advanceTo moves the clock to t and waits for the daemon to settle.
func (h *harness) advanceTo(t time.Time) {
	h.t.Helper()
	h.clock.Set(t)
}

func (h *harness) stop() error {
	h.t.Helper()
	h.cancel()
	select {
	case err := <-h.runErr:
		return err
	case <-time.After(20 * time.Second):
		h.t.Fatal("daemon did not stop")
	}
	return nil
}

var _ io.Writer = io.Discard

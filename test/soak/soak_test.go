// Package soak_test runs the daemon in-process, on its real clock, against
// 50 feeds and 100 accounts on fake Mastodon instances that fail at random
// (5xx, 429 with a reset, answers slower than the client waits), with every
// schedule firing every second, and checks at the end that every article
// was posted exactly once to each account it was due to, that the heap
// stayed flat and that no goroutine was left behind.
//
// The default run lasts 20 s (8 s with -short); a longer one:
//
//	go test ./test/soak/ -run Soak -soak.duration 3m -timeout 10m
package soak_test

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/schedule"
	"github.com/hookline/hookline/store"
)

var duration = flag.Duration("soak.duration", 0, "how long the soak runs (default 20s, 8s with -short or -race; env HOOKLINE_SOAK_DURATION)")

// The shape of the load.
const (
	nFeeds       = 50
	perFeed      = 20 // 1,000 articles
	nAccounts    = 100
	perSchedule  = 2 // accounts per schedule; one schedule per feed
	nFakes       = 10
	acctTimeout  = 2 * time.Second
	rateReset    = 2 * time.Second
	faultEvery   = 150 * time.Millisecond
	feedPoll     = 2 * time.Second
	sampleEvery  = 250 * time.Millisecond
	grace        = 3 * time.Minute // after the soak, to finish retries (waits only as long as needed)
	heapSlackMB  = 8
	heapSlackPct = 50
)

func soakDuration(t *testing.T) time.Duration {
	if *duration > 0 {
		return *duration
	}
	if v := os.Getenv("HOOKLINE_SOAK_DURATION"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("HOOKLINE_SOAK_DURATION=%q: %v", v, err)
		}
		return d
	}
	if testing.Short() || raceEnabled {
		return 8 * time.Second
	}
	return 20 * time.Second
}

// faultsInjected are the faults thrown at the fakes, with weights.
var faultsInjected = []faultnet.Fault{
	faultnet.Status500, faultnet.Status502, faultnet.Status503,
	faultnet.RateLimited, faultnet.Slow, faultnet.ResetAfter,
}

func TestSoak(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dur := soakDuration(t)
	start := time.Now()

	// The world: fakes, feeds, config.
	fakes := make([]*faultnet.Mastodon, nFakes)
	for i := range fakes {
		fakes[i] = faultnet.NewMastodon()
		fakes[i].RateReset = rateReset
	}
	fs := &feeds{n: nFeeds, perFeed: perFeed, start: start, span: dur / 2}
	feedSrv := httptest.NewServer(fs)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 32, IdleConnTimeout: 5 * time.Second}}
	dir := t.TempDir()
	cfg := soakConfig(t, dir, feedSrv.URL, fakes)

	st, err := store.Open(context.Background(), cfg.State, store.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	var (
		fires, skipped, fireErrors atomic.Int64
		firstErr                   atomic.Value
		errSeen                    sync.Once
	)
	done := make(chan struct{})
	var doneOnce sync.Once
	due := nFeeds * perFeed * perSchedule
	d := &schedule.Daemon{
		Store:       st,
		Log:         slog.New(slog.DiscardHandler),
		Deps:        networks.Deps{HTTPClient: client},
		ResumeEvery: time.Second,
		Deliverer: &deliver.Deliverer{Store: st, Log: slog.New(slog.DiscardHandler), MaxAttempts: 100, Timeout: 5 * time.Second,
			Backoff: deliver.Backoff{Base: 200 * time.Millisecond, Factor: 2, Max: 2 * time.Second}},
	}
	d.OnFire = func(r schedule.FireReport) {
		fires.Add(1)
		if r.Skipped != "" {
			skipped.Add(1)
		}
		fireErrors.Add(int64(len(r.Errors)))
		for _, err := range r.Errors {
			errSeen.Do(func() { firstErr.Store(err.Error()) })
			if strings.HasPrefix(err.Error(), "state ") {
				t.Errorf("state file error during a fire: %v", err)
			}
		}
		if fs.visible(time.Now()) == perFeed && countPosted(t, st) == due {
			doneOnce.Do(func() { close(done) })
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- d.Run(ctx, cfg) }()

	// Faults at random until the soak's time is up.
	injected := map[faultnet.Fault]int{}
	var injMu sync.Mutex
	stopFaults := make(chan struct{})
	faultsDone := make(chan struct{})
	go func() {
		defer close(faultsDone)
		rng := rand.New(rand.NewPCG(1, 2))
		tick := time.NewTicker(faultEvery)
		defer tick.Stop()
		for {
			select {
			case <-stopFaults:
				for _, f := range fakes {
					f.Clear()
				}
				return
			case <-tick.C:
				f := faultsInjected[rng.IntN(len(faultsInjected))]
				fakes[rng.IntN(len(fakes))].Set(f, 1+rng.IntN(3))
				injMu.Lock()
				injected[f]++
				injMu.Unlock()
			}
		}
	}()

	// Heap samples after a warm-up of a fifth of the soak.
	heap := sampleHeap(dur/5, dur)
	<-heap.done
	close(stopFaults)
	<-faultsDone
	select {
	case <-done:
	case <-time.After(grace):
		t.Errorf("not every post made within %v after the soak: %d of %d posted", grace, countPosted(t, st), due)
	}
	elapsed := time.Since(start)
	cancel()
	if err := <-runErr; err != nil {
		t.Errorf("daemon: %v", err)
	}
	goroutinesAfterStop := runtime.NumGoroutine()

	verify(t, st, fakes, due)

	if err := st.Close(); err != nil {
		t.Error(err)
	}
	client.CloseIdleConnections()
	feedSrv.Close()
	for _, f := range fakes {
		f.Close()
	}

	first, last := heap.thirds()
	injMu.Lock()
	total := 0
	var kinds []string
	for _, f := range faultsInjected {
		total += injected[f]
		kinds = append(kinds, fmt.Sprintf("%s %d", f, injected[f]))
	}
	injMu.Unlock()
	t.Logf("soak: %d articles in %d feeds, %d accounts, %d posts due; %v soak, %v to the last post; %d fires (%d skipped, %d fire errors); "+
		"%d fault injections (1-3 requests each: %v); heap in use first third %.1f MB, last third %.1f MB (%d samples); goroutines %d after stop",
		nFeeds*perFeed, nFeeds, nAccounts, due, dur, elapsed.Round(time.Second), fires.Load(), skipped.Load(), fireErrors.Load(),
		total, kinds, first/(1<<20), last/(1<<20), len(heap.samples), goroutinesAfterStop)
	if bound := first*(100+heapSlackPct)/100 + heapSlackMB<<20; last > bound {
		t.Errorf("heap grew: last third %.1f MB > first third %.1f MB + %d%% + %d MB", last/(1<<20), first/(1<<20), heapSlackPct, heapSlackMB)
	}
	if v := firstErr.Load(); v != nil {
		t.Logf("first fire error: %v", v)
	}
	if len(heap.samples) < 6 {
		t.Errorf("only %d heap samples", len(heap.samples))
	}
}

// soakConfig is one feed source per feed, 100 Mastodon accounts spread
// over the fakes, and one schedule per feed posting to two accounts every
// second.
func soakConfig(t *testing.T, dir, feedURL string, fakes []*faultnet.Mastodon) *config.Config {
	t.Helper()
	c := &config.Config{State: filepath.Join(dir, "state.db"), Timezone: "UTC", ShutdownTimeout: 10 * time.Second}
	for f := range nFeeds {
		c.Sources = append(c.Sources, config.Source{Name: fmt.Sprintf("feed%02d", f), Kind: config.SourceFeed,
			URL: fmt.Sprintf("%s/feed/%d.xml", feedURL, f), Poll: feedPoll, Backfill: perFeed, AllowPrivate: true})
	}
	for a := range nAccounts {
		c.Networks = append(c.Networks, config.Account{Name: account(a), Kind: "mastodon", Server: fakes[a%nFakes].URL,
			AccessToken: config.Secret(fmt.Sprintf("soak-token-%03d", a)), Timeout: acctTimeout})
	}
	for f := range nFeeds {
		s := config.Schedule{Name: fmt.Sprintf("s%02d", f), Cron: "@every 1s", Sources: []string{c.Sources[f].Name}, PerRun: perFeed, Order: config.OrderOldest}
		for k := range perSchedule {
			s.Networks = append(s.Networks, account(f*perSchedule+k))
		}
		c.Schedules = append(c.Schedules, s)
	}
	c.WithDefaults()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}

func account(a int) string { return fmt.Sprintf("acct%03d", a) }

func countPosted(t *testing.T, st *store.Store) int {
	var n int
	if err := st.DB().QueryRow(`SELECT COUNT(*) FROM posts WHERE state = 'posted'`).Scan(&n); err != nil {
		t.Errorf("count posted: %v", err)
	}
	return n
}

// verify checks every due article × account: one status on its fake with
// its key, one posted row; and nothing else anywhere.
func verify(t *testing.T, st *store.Store, fakes []*faultnet.Mastodon, due int) {
	t.Helper()
	made := map[string]int{}
	total := 0
	for _, f := range fakes {
		for _, c := range f.Created() {
			made[c.Key]++
			total++
		}
	}
	rows := map[string]string{} // article × account → state
	r, err := st.DB().Query(`SELECT article_id, account, state FROM posts`)
	if err != nil {
		t.Fatal(err)
	}
	for r.Next() {
		var id, acct, state string
		if err := r.Scan(&id, &acct, &state); err != nil {
			t.Fatal(err)
		}
		rows[id+" × "+acct] = state
	}
	r.Close()
	missing, twice, notPosted := 0, 0, 0
	for f := range nFeeds {
		for k := range perFeed {
			for a := range perSchedule {
				acct := account(f*perSchedule + a)
				key := deliver.Key(link(f, k), acct)
				switch n := made[key]; {
				case n == 0:
					missing++
				case n > 1:
					twice++
				}
				if s := rows[link(f, k)+" × "+acct]; s != string(store.Posted) {
					notPosted++
					if notPosted <= 5 {
						t.Errorf("%s × %s is %q in the store, want posted", link(f, k), acct, s)
					}
				}
			}
		}
	}
	if missing+twice+notPosted > 0 || total != due || len(rows) != due {
		t.Errorf("of %d due posts: %d missing on the network, %d made twice, %d not posted in the store; "+
			"%d statuses made in all, %d rows in the store", due, missing, twice, notPosted, total, len(rows))
	}
}

// heapSampler reads HeapInuse every sampleEvery from warm-up to the end.
type heapSampler struct {
	samples []uint64
	done    chan struct{}
}

func sampleHeap(warmup, end time.Duration) *heapSampler {
	h := &heapSampler{done: make(chan struct{})}
	go func() {
		defer close(h.done)
		begin := time.Now()
		tick := time.NewTicker(sampleEvery)
		defer tick.Stop()
		for now := range tick.C {
			if now.Sub(begin) >= end {
				return
			}
			if now.Sub(begin) < warmup {
				continue
			}
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			h.samples = append(h.samples, m.HeapInuse)
		}
	}()
	return h
}

// thirds returns the mean of the first and of the last third of samples.
func (h *heapSampler) thirds() (first, last float64) {
	n := len(h.samples) / 3
	if n == 0 {
		return 0, 0
	}
	mean := func(s []uint64) float64 {
		var sum float64
		for _, v := range s {
			sum += float64(v)
		}
		return sum / float64(len(s))
	}
	return mean(h.samples[:n]), mean(h.samples[len(h.samples)-n:])
}

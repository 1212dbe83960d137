package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
)

// DefaultResumeEvery is how often the daemon resends posts left posting by
// a crash and retries failed posts whose next attempt is due.
const DefaultResumeEvery = 30 * time.Second

// ErrShutdownTimeout means posts were still in flight when the shutdown
// timeout ran out; they are resent with the same key at the next start.
var ErrShutdownTimeout = errors.New("shutdown timeout: posts still in flight")

// Daemon runs schedules and source pollers from a config until its context
// is done. Set the fields before Run; only Store is required.
type Daemon struct {
	// Store holds articles and posts. Required; the caller opens and closes it.
	Store *store.Store
	// Clock drives schedules and polls. Defaults to RealClock.
	Clock Clock
	// Rand gives floats in [0, 1) for jitter. Defaults to math/rand/v2.
	Rand func() float64
	// Log receives the daemon's records. Defaults to slog.Default().
	Log *slog.Logger
	// Metrics collects counters for /metrics. Defaults to NewMetrics().
	Metrics *Metrics
	// Open returns an account's publisher. Defaults to networks.Open with
	// Deps, with Store as its state (Deps.WithState).
	Open func(ctx context.Context, acct config.Account) (publish.Publisher, error)
	// Deps are passed to networks.Open by the default Open.
	Deps networks.Deps
	// SourceClient fetches feeds and pages; nil uses article.NewClient.
	SourceClient *http.Client
	// Deliverer sends posts; nil builds one on Store, Clock and Log.
	Deliverer *deliver.Deliverer
	// ResumeEvery spaces resends of crashed and due posts. Defaults to
	// DefaultResumeEvery (30 s).
	ResumeEvery time.Duration
	// OnFire, when set, gets each fire's report (tests wait on it).
	OnFire func(FireReport)
	// OnPoll, when set, gets each poll's outcome.
	OnPoll func(source string, err error)
	// OnResume, when set, gets the results of each resume pass.
	OnResume func([]deliver.Result)
	// OnReload, when set, is called once the loop runs a reloaded config.
	OnReload func()

	reloadMu sync.Mutex // one Reload at a time, so a slower one cannot undo a later one
	mu       sync.Mutex
	plan     *plan
	running  map[string]bool
	resuming bool
	wake     chan struct{}
	wg       sync.WaitGroup // fires and resume passes in flight
	pollWG   sync.WaitGroup
	ready    atomic.Bool
	dlv      *deliver.Deliverer
	dlvOnce  sync.Once
	metOnce  sync.Once
}

func (d *Daemon) clock() Clock {
	if d.Clock == nil {
		return RealClock{}
	}
	return d.Clock
}

func (d *Daemon) log() *slog.Logger {
	if d.Log == nil {
		return slog.Default()
	}
	return d.Log
}

func (d *Daemon) metrics() *Metrics {
	d.metOnce.Do(func() {
		if d.Metrics == nil {
			d.Metrics = NewMetrics()
		}
	})
	return d.Metrics
}

func (d *Daemon) deliverer() *deliver.Deliverer {
	d.dlvOnce.Do(func() {
		d.dlv = d.Deliverer
		if d.dlv == nil {
			d.dlv = &deliver.Deliverer{Store: d.Store, Now: d.clock().Now, Log: d.log()}
		}
	})
	return d.dlv
}

func (d *Daemon) open(ctx context.Context, a config.Account) (publish.Publisher, error) {
	if d.Open != nil {
		return d.Open(ctx, a)
	}
	deps := d.Deps
	if deps.Log == nil {
		deps.Log = d.log()
	}
	if d.Store != nil {
		deps = deps.WithState(d.Store)
	}
	return networks.Open(ctx, a, deps)
}

func (d *Daemon) jitter(max time.Duration) time.Duration {
	if max <= 0 {
		return 0
	}
	r := rand.Float64
	if d.Rand != nil {
		r = d.Rand
	}
	return time.Duration(r() * float64(max))
}

// Ready reports whether the daemon has opened its config and computed its
// first fire times; /readyz answers from it.
func (d *Daemon) Ready() bool { return d.ready.Load() }

// Reload swaps in a new config: schedules, sources and accounts change
// together at once. Fires in flight finish with the config they started
// with. An error leaves the running config as it was.
func (d *Daemon) Reload(ctx context.Context, cfg *config.Config) error {
	d.reloadMu.Lock()
	defer d.reloadMu.Unlock()
	d.mu.Lock()
	old := d.plan
	d.mu.Unlock()
	if old == nil {
		return errors.New("reload: daemon not running")
	}
	if old.cfg.State != cfg.State {
		d.log().Warn("state changed in config; it takes effect at the next restart", slog.String("state", old.cfg.State))
	}
	if old.cfg.Listen != cfg.Listen {
		d.log().Warn("listen changed in config; it takes effect at the next restart", slog.String("listen", old.cfg.Listen))
	}
	p, err := d.build(ctx, cfg, old)
	if err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	d.mu.Lock()
	d.plan = p
	d.mu.Unlock()
	select {
	case d.wake <- struct{}{}:
	default:
	}
	return nil
}

func (d *Daemon) current() *plan {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.plan
}

// Run starts the pollers and the schedules and runs until ctx is done.
// Then it starts nothing new and waits up to cfg's shutdown_timeout for
// posts in flight; posts still going after that are cancelled (and resent
// with the same key at the next start) and Run returns ErrShutdownTimeout.
func (d *Daemon) Run(ctx context.Context, cfg *config.Config) error {
	p, err := d.build(ctx, cfg, nil)
	if err != nil {
		return err
	}
	d.mu.Lock()
	d.plan, d.running, d.wake = p, map[string]bool{}, make(chan struct{}, 1)
	d.mu.Unlock()
	// Work outlives ctx so that posts in flight at SIGTERM can finish;
	// it is cancelled only when the shutdown timeout runs out.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	pollCtx, stopPolls := context.WithCancel(ctx)
	d.startPollers(pollCtx, p, nil)

	lost := d.loop(ctx, work)

	stopPolls()
	d.pollWG.Wait()
	timeout := d.current().cfg.ShutdownTimeout
	if timeout <= 0 {
		timeout = config.DefaultShutdownTimeout
	}
	d.log().Info("stopping; waiting for posts in flight", slog.Duration("shutdown_timeout", timeout))
	done := make(chan struct{})
	go func() { d.wg.Wait(); close(done) }()
	t := time.NewTimer(timeout) // real time: shutdown is bounded in wall time
	defer t.Stop()
	select {
	case <-done:
		d.log().Info("stopped")
		if lost != nil {
			return d.stateLost(work, lost)
		}
		return nil
	case <-t.C:
	}
	cancelWork()
	<-done // publishers return promptly once cancelled; the outcome is recorded
	if lost != nil {
		return d.stateLost(context.WithoutCancel(work), lost)
	}
	return fmt.Errorf("%w after %s; they are resent with the same key at the next start", ErrShutdownTimeout, timeout)
}

// entry is one schedule's next fire.
type entry struct {
	job *Job
	due time.Time // cron time
	at  time.Time // cron time plus jitter
}

// loop fires schedules and resume passes until ctx is done, or until the
// state file is found deleted or replaced: then it returns that error and
// starts nothing more, since every post from then on would be recorded only
// in a file that vanishes at exit.
func (d *Daemon) loop(ctx, work context.Context) error {
	clk := d.clock()
	now := clk.Now()
	p := d.current()
	entries := d.plan0(ctx, work, p, nil, now)
	d.ready.Store(true)
	d.metrics().setReady(true)
	resumeAt := now
	every := d.ResumeEvery
	if every <= 0 {
		every = DefaultResumeEvery
	}
	for {
		now = clk.Now()
		if err := d.Store.CheckFile(); err != nil {
			d.ready.Store(false)
			d.metrics().setReady(false)
			d.log().Error("state file lost; starting nothing more", slog.Any("error", err))
			return err
		}
		for _, e := range entries {
			if !e.at.After(now) {
				d.start(work, e.job, e.due, now)
				e.due = e.job.Schedule.Next(now)
				e.at = e.due.Add(d.jitter(e.job.Config.Jitter))
				d.metrics().nextRun(e.job.Name(), e.due)
			}
		}
		if !resumeAt.After(now) {
			d.startResume(work)
			resumeAt = now.Add(every)
		}
		next := resumeAt
		for _, e := range entries {
			if !e.at.IsZero() && e.at.Before(next) {
				next = e.at
			}
		}
		t := clk.NewTimer(next.Sub(now))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C():
		case <-d.wake:
			t.Stop()
			np := d.current()
			if np != p {
				d.startPollers(ctx, np, p)
				entries = d.plan0(ctx, work, np, entries, clk.Now())
				p = np
				d.log().Info("config reloaded", slog.Int("schedules", len(np.jobs)), slog.Int("sources", len(np.sources)),
					slog.Int("networks", len(np.cfg.Networks)))
			}
			if d.OnReload != nil {
				d.OnReload()
			}
		}
	}
}

// stateLost ends a daemon whose state file was deleted or replaced under
// it, once its posts in flight are recorded: it saves what the open file
// still holds and says how to put it back.
func (d *Daemon) stateLost(ctx context.Context, err error) error {
	path := d.Store.Path()
	saved, rerr := d.Store.Rescue(ctx)
	if rerr != nil {
		d.log().Error("state file lost and its copy failed", slog.Any("error", rerr))
		return fmt.Errorf("%w; stopped posting: restore %s from a backup before starting again", err, path)
	}
	return fmt.Errorf("%w; stopped posting; its history is saved in %s: mv %s %s, then start hookline again", err, saved, saved, path)
}

// plan0 computes each job's next fire. Jobs kept from before (same name,
// cron, zone and jitter) keep their next fire; at the first start a job
// with catch_up: once that missed a fire since its last run fires now.
func (d *Daemon) plan0(ctx, work context.Context, p *plan, old []*entry, now time.Time) []*entry {
	var out []*entry
	for _, j := range p.jobs {
		e := &entry{job: j}
		for _, o := range old {
			oc, c := o.job.Config, j.Config
			if oc.Name == c.Name && oc.Cron == c.Cron && o.job.Location.String() == j.Location.String() && oc.Jitter == c.Jitter {
				e.due, e.at = o.due, o.at
			}
		}
		if e.due.IsZero() {
			e.due = j.Schedule.Next(now)
			e.at = e.due.Add(d.jitter(j.Config.Jitter))
		}
		if old == nil && j.Config.CatchUp == config.CatchUpOnce {
			d.catchUp(ctx, work, j, now)
		}
		d.metrics().nextRun(j.Name(), e.due)
		out = append(out, e)
	}
	return out
}

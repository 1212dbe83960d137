package schedule

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

var t0 = time.Date(2025, 6, 2, 10, 1, 0, 0, time.UTC) // a Monday

func hourly(name string) config.Schedule {
	return config.Schedule{Name: name, Cron: "0 * * * *"}
}

func TestDaemon_FiresOnCron(t *testing.T) {
	h := newHarness(t, t0, "box")
	h.d.ResumeEvery = 24 * time.Hour // so the next timer is the fire's
	h.start(h.config(config.Schedule{Name: "s", Cron: "*/5 * * * *"}))
	if next, _ := h.clock.NextTimer(); !next.Equal(t0.Add(4 * time.Minute)) {
		t.Fatalf("next timer %v, want 10:05", next)
	}
	h.noFire()
	h.advanceTo(t0.Add(4 * time.Minute))
	r := h.waitFire()
	if r.Skipped != "" || r.Posted() != 1 || len(r.Errors) > 0 {
		t.Fatalf("fire: %+v", r)
	}
	if late := r.Started.Sub(r.Due); late != 0 {
		t.Errorf("fire started %v after its cron time on a fake clock", late)
	}
	if got := h.pubs["box"].posts[0].ArticleID; got != "https://news.example/night-train" {
		t.Errorf("posted %q", got)
	}
	last, err := h.store.LastRun(h.ctx, "s")
	if err != nil || !last.Equal(t0.Add(4*time.Minute)) {
		t.Errorf("last run %v, %v", last, err)
	}
	// The next fire has nothing new: exactly once.
	h.settle()
	h.advanceTo(t0.Add(9 * time.Minute))
	if r := h.waitFire(); len(r.Results) != 0 {
		t.Errorf("second fire sent %d posts", len(r.Results))
	}
	if n := h.pubs["box"].count(); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
}

func TestDaemon_MissedRuns(t *testing.T) {
	tests := []struct {
		name    string
		catchUp string
		last    time.Time
		want    int // fires at start
	}{
		{"skip by default", config.CatchUpSkip, t0.Add(-3 * time.Hour), 0},
		{"caught up once", config.CatchUpOnce, t0.Add(-3 * time.Hour), 1},
		{"nothing missed", config.CatchUpOnce, t0.Add(-30 * time.Second), 0},
		{"never ran", config.CatchUpOnce, time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, t0, "box")
			if !tt.last.IsZero() {
				if err := h.store.SetLastRun(h.ctx, "s", tt.last); err != nil {
					t.Fatal(err)
				}
			}
			s := hourly("s")
			s.CatchUp = tt.catchUp
			h.start(h.config(s))
			got := 0
			for range tt.want {
				r := h.waitFire()
				if want := tt.last.Truncate(time.Hour).Add(time.Hour); !r.Due.Equal(want) {
					t.Errorf("caught-up fire due %v, want the first missed one %v", r.Due, want)
				}
				got++
			}
			h.noFire()
			if got != tt.want || h.pubs["box"].count() != tt.want {
				t.Errorf("fires at start %d, posts %d; want %d", got, h.pubs["box"].count(), tt.want)
			}
			h.stop()
		})
	}
}

func TestDaemon_QuietHours(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	start := time.Date(2025, 6, 2, 21, 30, 0, 0, london)
	h := newHarness(t, start, "box")
	h.write("library.md", article2)
	s := hourly("s")
	s.Timezone = "Europe/London"
	s.Quiet = "22:00-07:00"
	h.start(h.config(s))
	// 22:00 to 06:00 London are quiet; 07:00 posts.
	for hour := 22; hour <= 31; hour++ {
		at := time.Date(2025, 6, 2, hour, 0, 0, 0, london)
		h.advanceTo(at)
		r := h.waitFire()
		quiet := hour < 31
		if quiet != (r.Skipped == "quiet hours") {
			t.Fatalf("%v: skipped %q", at, r.Skipped)
		}
		if !quiet && r.Posted() != 1 {
			t.Fatalf("%v: posted %d", at, r.Posted())
		}
		h.settle()
	}
	if n := h.pubs["box"].count(); n != 1 {
		t.Errorf("%d posts, want 1 (at 07:00)", n)
	}
	h.stop()
}

func TestDaemon_Jitter(t *testing.T) {
	for _, rnd := range []float64{0, 0.5, 0.999999} {
		h := newHarness(t, t0, "box")
		h.d.Rand = func() float64 { return rnd }
		h.d.ResumeEvery = 24 * time.Hour
		s := hourly("s")
		s.Jitter = 10 * time.Minute
		h.start(h.config(s))
		due := time.Date(2025, 6, 2, 11, 0, 0, 0, time.UTC)
		want := due.Add(time.Duration(rnd * float64(10*time.Minute)))
		if next, _ := h.clock.NextTimer(); !next.Equal(want) {
			t.Errorf("rand %v: fire at %v, want %v", rnd, next, want)
		}
		h.advanceTo(want)
		r := h.waitFire()
		if !r.Due.Equal(due) || r.Started.Before(due) || r.Started.Sub(due) >= 10*time.Minute {
			t.Errorf("rand %v: due %v started %v: outside [due, due+jitter)", rnd, r.Due, r.Started)
		}
		h.stop()
	}
}

func TestDaemon_RunStillGoingNotStartedTwice(t *testing.T) {
	h := newHarness(t, t0, "box")
	pub := h.pubs["box"]
	pub.hold, pub.started = make(chan struct{}), make(chan publish.Post, 4)
	h.start(h.config(config.Schedule{Name: "s", Cron: "* * * * *"}))
	h.advanceTo(t0.Add(time.Minute))
	<-pub.started // the first fire is in flight
	h.settle()
	h.advanceTo(t0.Add(2 * time.Minute))
	if r := h.waitFire(); r.Skipped != "previous run still going" {
		t.Fatalf("second fire: %+v", r)
	}
	pub.hold <- struct{}{}
	if r := h.waitFire(); r.Posted() != 1 {
		t.Fatalf("first fire: %+v", r)
	}
	if n := pub.count(); n != 1 {
		t.Errorf("%d posts", n)
	}
	h.stop()
}

func TestDaemon_RetriesThroughDeliver(t *testing.T) {
	tests := []struct {
		name string
		err  func(now time.Time) error
		// wait is when the retry is due after the failed attempt.
		wait time.Duration
	}{
		{"rate limit waits for its reset", func(now time.Time) error {
			return &publish.RateLimitError{Reset: now.Add(7 * time.Minute), Err: errors.New("429")}
		}, 7 * time.Minute},
		// deliver's backoff: 1 min base, equal jitter with rand 0 → 30 s.
		{"server error backs off", func(time.Time) error { return errors.New("503 service unavailable") }, 30 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, t0, "box")
			fireAt := t0.Add(59 * time.Minute)
			pub := h.pubs["box"]
			pub.errs = []error{tt.err(fireAt)}
			h.start(h.config(hourly("s")))
			h.advanceTo(fireAt)
			r := h.waitFire()
			if len(r.Results) != 1 || r.Results[0].Err == nil || !r.Results[0].NextAttempt.Equal(fireAt.Add(tt.wait)) {
				t.Fatalf("first attempt: %+v", r.Results)
			}
			// Resume passes before the retry is due send nothing.
			for now := fireAt; now.Before(fireAt.Add(tt.wait)); now = now.Add(time.Minute) {
				h.settle()
				if pub.count() != 1 {
					t.Fatalf("retried at %v, before %v", now, fireAt.Add(tt.wait))
				}
				next, _ := h.clock.NextTimer()
				if !next.Before(fireAt.Add(tt.wait)) {
					break
				}
				h.advanceTo(next)
			}
			h.settle()
			h.advanceTo(fireAt.Add(tt.wait).Add(time.Minute))
			for pub.count() < 2 {
				select {
				case <-h.resume:
				case <-time.After(10 * time.Second):
					t.Fatal("never retried")
				}
			}
			h.drainResume()
			if pub.times[1].Before(fireAt.Add(tt.wait)) {
				t.Errorf("retried at %v, before %v", pub.times[1], fireAt.Add(tt.wait))
			}
			rec, err := h.store.Post(h.ctx, "https://news.example/night-train", "box")
			if err != nil || rec.State != store.Posted || rec.Attempts != 2 {
				t.Errorf("record %+v, %v", rec, err)
			}
			h.stop()
		})
	}
}

func TestDaemon_ShutdownLetsPostFinish(t *testing.T) {
	h := newHarness(t, t0, "box")
	pub := h.pubs["box"]
	pub.hold, pub.started = make(chan struct{}), make(chan publish.Post, 1)
	h.start(h.config(hourly("s")))
	h.advanceTo(t0.Add(59 * time.Minute))
	<-pub.started
	h.cancel() // SIGTERM
	select {
	case err := <-h.runErr:
		t.Fatalf("Run returned %v with a post in flight", err)
	default:
	}
	pub.hold <- struct{}{}
	if err := <-h.runErr; err != nil {
		t.Fatal(err)
	}
	rec, err := h.store.Post(context.Background(), "https://news.example/night-train", "box")
	if err != nil || rec.State != store.Posted {
		t.Errorf("record %+v, %v", rec, err)
	}
}

func TestDaemon_ShutdownTimeout(t *testing.T) {
	h := newHarness(t, t0, "box")
	pub := h.pubs["box"]
	pub.hold, pub.started = make(chan struct{}), make(chan publish.Post, 1)
	c := h.config(hourly("s"))
	c.ShutdownTimeout = 20 * time.Millisecond
	h.start(c)
	h.advanceTo(t0.Add(59 * time.Minute))
	<-pub.started
	h.cancel()
	if err := <-h.runErr; !errors.Is(err, ErrShutdownTimeout) {
		t.Fatalf("Run: %v, want ErrShutdownTimeout", err)
	}
	rec, err := h.store.Post(context.Background(), "https://news.example/night-train", "box")
	if err != nil || rec.State != store.Failed || rec.NextAttempt.IsZero() {
		t.Errorf("interrupted post should be due again: %+v, %v", rec, err)
	}
}

package schedule

import (
	"context"
	"log/slog"
	"time"
)

// catchUp fires j now when a fire was due between its last run and now.
func (d *Daemon) catchUp(ctx, work context.Context, j *Job, now time.Time) {
	last, err := d.Store.LastRun(ctx, j.Name())
	if err != nil {
		d.log().Error("catch-up: last run unknown", slog.String("schedule", j.Name()), slog.Any("error", err))
		return
	}
	if last.IsZero() {
		return // never ran: nothing was missed
	}
	missed := j.Schedule.Next(last)
	if missed.After(now) {
		return
	}
	d.log().Info("catching up a missed run", slog.String("schedule", j.Name()), slog.Time("missed", missed))
	p := d.current()
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		for _, s := range j.Sources {
			if pl := p.poller(s.Name); pl != nil && pl.polled != nil {
				select {
				case <-pl.polled:
				case <-ctx.Done():
					return
				}
			}
		}
		d.start(work, j, missed, d.clock().Now())
	}()
}

// start fires j in its own goroutine unless quiet hours hold or its
// previous run is still going.
func (d *Daemon) start(work context.Context, j *Job, due, now time.Time) {
	skip := ""
	d.mu.Lock()
	switch {
	case j.Quiet.Contains(now.In(j.Location)):
		skip = "quiet hours"
	case d.running[j.Name()]:
		skip = "previous run still going"
	default:
		d.running[j.Name()] = true
	}
	p := d.plan
	d.mu.Unlock()
	if skip != "" {
		d.log().Info("fire skipped", slog.String("schedule", j.Name()), slog.String("reason", skip), slog.Time("due", due))
		rep := FireReport{Schedule: j.Name(), Due: due, Started: now, Finished: now, Skipped: skip}
		d.metrics().fired(rep)
		if d.OnFire != nil {
			d.OnFire(rep)
		}
		return
	}
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		rep := d.fire(work, p, j, due)
		d.mu.Lock()
		delete(d.running, j.Name())
		d.mu.Unlock()
		if d.OnFire != nil {
			d.OnFire(rep)
		}
	}()
}

// startResume resends crashed and due posts in the background, one pass at
// a time.
func (d *Daemon) startResume(work context.Context) {
	d.mu.Lock()
	if d.resuming {
		d.mu.Unlock()
		return
	}
	d.resuming = true
	p := d.plan
	d.mu.Unlock()
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		res := d.deliverer().Resume(work, p.pubs)
		d.metrics().delivered(res)
		d.mu.Lock()
		d.resuming = false
		d.mu.Unlock()
		if d.OnResume != nil {
			d.OnResume(res)
		}
	}()
}

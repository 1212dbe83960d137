package schedule

import (
	"context"

	"github.com/hookline/hookline/config"
)

// Once polls every source once, resends crashed and due posts, then fires
// every schedule once now — ignoring cron times, quiet hours and jitter,
// since it was asked for — and returns the fires' reports. Posts already
// made are not made again. It is `hookline run --once`.
func (d *Daemon) Once(ctx context.Context, cfg *config.Config) ([]FireReport, error) {
	p, err := d.build(ctx, cfg, nil)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.plan, d.running = p, map[string]bool{}
	d.mu.Unlock()
	for _, s := range p.sources {
		_ = d.pollOnce(ctx, s) // logged; the other sources still count
	}
	d.metrics().delivered(d.deliverer().Resume(ctx, p.pubs))
	var reps []FireReport
	for _, j := range p.jobs {
		now := d.clock().Now()
		reps = append(reps, d.fire(ctx, p, j, now))
	}
	return reps, nil
}

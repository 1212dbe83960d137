// Package schedule runs Hookline's daemon: cron schedules in their time
// zones with quiet hours, jitter and catch-up, source pollers, exactly-once
// delivery through package deliver, config reloads, and the health and
// metrics endpoints.
package schedule

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/hookline/hookline/config"
)

// Schedule says when something next happens after a given time.
type Schedule interface {
	Next(time.Time) time.Time
}

// zoned runs a cron schedule in one time zone. robfig/cron computes in the
// zone of the time it is given, so Next converts first.
type zoned struct {
	s   cron.Schedule
	loc *time.Location
	// once drops the second occurrence of a wall-clock time repeated when
	// clocks go back (fall back), for schedules with fixed hours, as Vixie
	// cron does: a daily 01:30 post goes out once, not twice. Schedules
	// whose hour field is "*" and @every keep firing by elapsed time.
	once bool
}

// Cron parses a schedule's cron field (5 fields or a descriptor such as
// @daily or @every 2h) to run in loc.
func Cron(spec string, loc *time.Location) (Schedule, error) {
	s, err := config.ParseCron(spec)
	if err != nil {
		return nil, err
	}
	if loc == nil {
		loc = time.Local
	}
	z := zoned{s: s, loc: loc}
	if spec, ok := s.(*cron.SpecSchedule); ok {
		const allHours = 1<<24 - 1
		z.once = spec.Hour&allHours != allHours
	}
	return z, nil
}

// Next returns the first fire strictly after t, in the schedule's zone.
func (z zoned) Next(t time.Time) time.Time {
	n := z.s.Next(t.In(z.loc))
	for i := 0; z.once && i < 64 && !n.IsZero() && repeated(n); i++ {
		n = z.s.Next(n)
	}
	return n
}

// repeated reports whether t's wall-clock time also happened an hour
// earlier: t is in the second pass of a fall-back hour.
func repeated(t time.Time) bool {
	const layout = "2006-01-02 15:04"
	return t.Add(-time.Hour).Format(layout) == t.Format(layout)
}

// NextN returns the next n fires after t.
func NextN(s Schedule, t time.Time, n int) []time.Time {
	out := make([]time.Time, 0, n)
	for range n {
		t = s.Next(t)
		if t.IsZero() {
			break
		}
		out = append(out, t)
	}
	return out
}

// Job is one configured schedule, compiled.
type Job struct {
	// Config is the schedule as configured, defaults filled.
	Config config.Schedule
	// Schedule gives the fire times, in Location.
	Schedule Schedule
	// Location is the schedule's time zone.
	Location *time.Location
	// Quiet is the daily window in which fires are skipped.
	Quiet config.Window
	// Accounts are the accounts the schedule posts to, in config order.
	Accounts []config.Account
	// Sources are the sources it draws from, in config order.
	Sources []config.Source
}

// Name is the schedule's name.
func (j *Job) Name() string { return j.Config.Name }

// Jobs compiles every schedule of c. Errors name the key, as Validate does.
func Jobs(c *config.Config) ([]*Job, error) {
	var jobs []*Job
	for i, s := range c.Schedules {
		key := fmt.Sprintf("schedules[%d]", i)
		loc, err := s.Location(c.Timezone)
		if err != nil {
			return nil, fmt.Errorf("%s.timezone: %w", key, err)
		}
		sched, err := Cron(s.Cron, loc)
		if err != nil {
			return nil, fmt.Errorf("%s.cron: %w", key, err)
		}
		quiet, err := config.ParseWindow(s.Quiet)
		if err != nil {
			return nil, fmt.Errorf("%s.quiet: %w", key, err)
		}
		j := &Job{Config: s, Schedule: sched, Location: loc, Quiet: quiet}
		for _, a := range c.Networks {
			if len(s.Networks) == 0 || contains(s.Networks, a.Name) {
				j.Accounts = append(j.Accounts, a)
			}
		}
		for _, src := range c.Sources {
			if len(s.Sources) == 0 || contains(s.Sources, src.Name) {
				j.Sources = append(j.Sources, src)
			}
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

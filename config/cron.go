package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// cronParser reads the 5 standard fields and descriptors such as @daily and
// @every 2h; it is the one parser both Validate and the scheduler use.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseCron parses a schedule's cron field: 5 fields ("*/2 * * * *") or a
// descriptor ("@daily", "@every 2h"). A "TZ=" or "CRON_TZ=" prefix is
// refused; set the schedule's timezone instead.
func ParseCron(spec string) (cron.Schedule, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, fmt.Errorf("required (5 fields such as \"0 9 * * *\", or @daily, @every 2h)")
	}
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		return nil, fmt.Errorf("%q: set the schedule's timezone key instead of a TZ= prefix", spec)
	}
	if !strings.HasPrefix(spec, "@") {
		if n := len(strings.Fields(spec)); n != 5 {
			return nil, fmt.Errorf("expected 5 fields, got %d (minute hour day-of-month month day-of-week)", n)
		}
	}
	s, err := cronParser.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", spec, err)
	}
	return s, nil
}

// Location is the schedule's time zone: its own timezone key, else the
// config's (def), else Local.
func (s Schedule) Location(def string) (*time.Location, error) {
	name := s.Timezone
	if name == "" {
		name = def
	}
	if name == "" {
		return time.Local, nil
	}
	return time.LoadLocation(name)
}

// Window is a daily stretch of time, such as quiet hours. Start and End are
// minutes after midnight; a window with End before Start wraps past
// midnight ("22:00-07:00").
type Window struct {
	Start, End int
}

// ParseWindow reads "HH:MM-HH:MM". The empty string is the zero Window,
// which contains nothing.
func ParseWindow(s string) (Window, error) {
	if strings.TrimSpace(s) == "" {
		return Window{}, nil
	}
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return Window{}, fmt.Errorf("%q: expected HH:MM-HH:MM, such as 22:00-07:00", s)
	}
	start, err := clock(from)
	if err != nil {
		return Window{}, fmt.Errorf("%q: %w", s, err)
	}
	end, err := clock(to)
	if err != nil {
		return Window{}, fmt.Errorf("%q: %w", s, err)
	}
	if start == end {
		return Window{}, fmt.Errorf("%q: start and end are the same time", s)
	}
	return Window{Start: start, End: end}, nil
}

// Contains reports whether t's wall clock (in t's location) falls in the
// window; the start is inside, the end is not.
func (w Window) Contains(t time.Time) bool {
	if w.Start == w.End {
		return false
	}
	m := t.Hour()*60 + t.Minute()
	if w.Start < w.End {
		return m >= w.Start && m < w.End
	}
	return m >= w.Start || m < w.End
}

func clock(s string) (int, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, fmt.Errorf("%q is not a time of day; write HH:MM from 00:00 to 23:59", strings.TrimSpace(s))
	}
	return hh*60 + mm, nil
}

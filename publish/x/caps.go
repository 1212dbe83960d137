package x

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hookline/hookline/publish"
)

// Counter counts the posts an account made since a time: the posted rows
// of the state store. *store.Store implements it.
type Counter interface {
	CountPosted(ctx context.Context, account string, since time.Time) (int, error)
}

// CapError is a daily or monthly cap that Hookline refuses to exceed. It
// wraps publish.ErrQuota.
type CapError struct {
	// Account is the account's name.
	Account string
	// Period is "daily" or "monthly", as in the keys daily_cap and monthly_cap.
	Period string
	// Cap is the number of posts allowed in the period.
	Cap int
	// Reset is when the period ends (midnight UTC, or the 1st of next month).
	Reset time.Time
}

// Error says which cap, when it resets and what to do.
func (e *CapError) Error() string {
	return fmt.Sprintf("%s: %s cap of %d posts reached (resets %s); raise %s_cap if your plan allows",
		e.Account, e.Period, e.Cap, e.Reset.UTC().Format("2006-01-02 15:04 UTC"), e.Period)
}

// QuotaReset tells the deliverer when to try again: the post waits for the
// cap to reset rather than failing for good.
func (e *CapError) QuotaReset() time.Time { return e.Reset }

// Unwrap makes a CapError a publish.ErrQuota.
func (e *CapError) Unwrap() error { return publish.ErrQuota }

// caps enforces an account's daily and monthly caps. The store counts the
// posts that were recorded; posts this Client made that may not be
// recorded yet (the deliverer records a batch after all its posts return)
// are counted through floor, so neither is counted twice: the count is the
// larger of the store's and the floor.
type caps struct {
	mu             sync.Mutex // held by Publish around check, send and sent
	account        string
	daily, monthly int // -1 for no cap
	counter        Counter

	observed map[time.Time]int // count used by the last check, by window start
	floor    map[time.Time]int // at least this many posts, by window start
}

// window is one cap's current period.
type window struct {
	period     string
	cap        int
	start, end time.Time
}

func (c *caps) windows(now time.Time) []window {
	now = now.UTC()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	// The monthly cap first: when both are reached, its reset is the one
	// that matters.
	return []window{
		{period: "monthly", cap: c.monthly, start: month, end: month.AddDate(0, 1, 0)},
		{period: "daily", cap: c.daily, start: day, end: day.AddDate(0, 0, 1)},
	}
}

// check returns a *CapError when a post now would exceed a cap, or the
// error of counting.
func (c *caps) check(ctx context.Context, now time.Time) error {
	ws := c.windows(now)
	c.prune(ws)
	for _, w := range ws {
		if w.cap < 0 {
			continue
		}
		n := 0
		if c.counter != nil {
			var err error
			if n, err = c.counter.CountPosted(ctx, c.account, w.start); err != nil {
				return fmt.Errorf("%s: count posts for the %s cap: %w", c.account, w.period, err)
			}
		}
		n = max(n, c.floor[w.start])
		c.observed[w.start] = n
		if n >= w.cap {
			return &CapError{Account: c.account, Period: w.period, Cap: w.cap, Reset: w.end}
		}
	}
	return nil
}

// sent counts a post X accepted at now.
func (c *caps) sent(now time.Time) {
	for _, w := range c.windows(now) {
		c.floor[w.start] = max(c.floor[w.start], c.observed[w.start]) + 1
	}
}

// prune forgets windows that ended.
func (c *caps) prune(ws []window) {
	if c.observed == nil {
		c.observed, c.floor = map[time.Time]int{}, map[time.Time]int{}
	}
	for _, m := range []map[time.Time]int{c.observed, c.floor} {
		for start := range m {
			if start != ws[0].start && start != ws[1].start {
				delete(m, start)
			}
		}
	}
}

// capOrDefault reads daily_cap or monthly_cap: 0 keeps the default, -1 is
// no cap.
func capOrDefault(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return -1
	}
	return n
}

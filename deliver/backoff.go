package deliver

import (
	"math/rand/v2"
	"time"
)

// Backoff computes when a failed post is tried again: Base × Factor^(n-1)
// after the n-th attempt, capped at Max, with "equal jitter" (half fixed, half
// random) so that many posts failing together do not retry in lockstep.
type Backoff struct {
	// Base is the delay after the first failure. Defaults to 1 minute.
	Base time.Duration
	// Factor multiplies the delay after each further failure. Defaults to 2.
	Factor float64
	// Max caps the delay. Defaults to 6 hours.
	Max time.Duration
}

// DefaultBackoff is 1 min, ×2, capped at 6 h.
var DefaultBackoff = Backoff{Base: time.Minute, Factor: 2, Max: 6 * time.Hour}

// Delay returns the wait after attempt n (from 1). rnd gives a float in
// [0, 1); nil uses math/rand/v2.
func (b Backoff) Delay(n int, rnd func() float64) time.Duration {
	if b.Base <= 0 {
		b.Base = DefaultBackoff.Base
	}
	if b.Factor < 1 {
		b.Factor = DefaultBackoff.Factor
	}
	if b.Max <= 0 {
		b.Max = DefaultBackoff.Max
	}
	if rnd == nil {
		rnd = rand.Float64
	}
	d := float64(b.Base)
	for i := 1; i < n && d < float64(b.Max); i++ {
		d *= b.Factor
	}
	d = min(d, float64(b.Max))
	return time.Duration(d/2 + rnd()*d/2)
}

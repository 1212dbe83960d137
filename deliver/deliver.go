// Package deliver sends posts exactly once: each post is recorded as posting
// with its idempotency key before the request goes out and as posted with its
// receipt after, failures are retried with backoff, and rows left posting by
// a crash are reconciled by resending with the same key.
package deliver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// Key returns the idempotency key for an article × account: "hl-" and 32 hex
// digits of SHA-256, the same on every run and machine, short enough for
// every network's key header or record key.
func Key(articleID, account string) string {
	h := sha256.New()
	h.Write([]byte(articleID))
	h.Write([]byte{0})
	h.Write([]byte(account))
	return "hl-" + hex.EncodeToString(h.Sum(nil))[:32]
}

// Job is one post to send through one publisher.
type Job struct {
	Post      publish.Post
	Publisher publish.Publisher
	// RepostEdited sends again when the article changed since it was posted.
	RepostEdited bool
}

// Result is what became of one job.
type Result struct {
	ArticleID, Account string
	// State is the row's state afterwards; for a skip, the state found.
	State store.State
	// Skipped is true when nothing was sent; Reason says why.
	Skipped bool
	Reason  string
	Receipt publish.Receipt
	// Attempt is the attempt number that was made (0 when skipped).
	Attempt int
	// NextAttempt is when a failed post is retried; zero when it will not be.
	NextAttempt time.Time
	// Err is the publish or store error, nil on success and skips.
	Err error
}

// Deliverer sends jobs through their publishers and records every step.
type Deliverer struct {
	// Store records the posts. Required.
	Store *store.Store
	// Now is the clock. Defaults to time.Now.
	Now func() time.Time
	// Rand gives floats in [0, 1) for backoff jitter. Defaults to math/rand/v2.
	Rand func() float64
	// Log receives one line per outcome. Defaults to slog.Default().
	Log *slog.Logger
	// MaxAttempts is how many sends a post gets before it fails for good.
	// Defaults to 8.
	MaxAttempts int
	// Backoff spaces retries. Defaults to DefaultBackoff.
	Backoff Backoff
	// Concurrency bounds posts in flight at once. Defaults to 16.
	Concurrency int
	// Timeout bounds one Publish call. Defaults to 60 seconds.
	Timeout time.Duration
	// AfterPublish, when set, runs after Publish returns and before the
	// outcome is committed. Tests use it to crash in that window.
	AfterPublish func(ctx context.Context, p publish.Post, r publish.Receipt, err error)
}

func (d *Deliverer) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Deliverer) log() *slog.Logger {
	if d.Log != nil {
		return d.Log
	}
	return slog.Default()
}

// Deliver sends jobs concurrently (at most Concurrency at once) and returns
// one Result per job, in order. A post already posted, skipped or in flight
// for its article × account is not sent again.
func (d *Deliverer) Deliver(ctx context.Context, jobs []Job) []Result {
	results := make([]Result, len(jobs))
	sem := make(chan struct{}, cmpOr(d.Concurrency, 16))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i] = d.one(ctx, j)
		}()
	}
	wg.Wait()
	return results
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// one claims, sends and records a single job.
func (d *Deliverer) one(ctx context.Context, j Job) Result {
	p := j.Post
	if p.IdempotencyKey == "" {
		p.IdempotencyKey = Key(p.ArticleID, p.Account)
	}
	res := Result{ArticleID: p.ArticleID, Account: p.Account}
	log := d.log().With(slog.String("account", p.Account), slog.String("article_id", p.ArticleID))
	if j.Publisher == nil {
		res.Err = fmt.Errorf("deliver %s to %s: no publisher for the account", p.ArticleID, p.Account)
		log.Error("post not sent", slog.Any("error", res.Err))
		return res
	}
	c, err := d.Store.Claim(ctx, store.ClaimRequest{Post: p, Now: d.now(), RepostEdited: j.RepostEdited})
	if err != nil {
		res.Err = fmt.Errorf("deliver %s to %s: %w", p.ArticleID, p.Account, err)
		log.Error("post not claimed", slog.Any("error", res.Err))
		return res
	}
	if c.Outcome == store.ClaimSkip {
		res.State, res.Skipped, res.Reason = c.Prior, true, c.Reason
		log.Debug("post skipped", slog.String("state", string(c.Prior)), slog.String("reason", c.Reason))
		return res
	}
	if c.Outcome == store.ClaimResend {
		log.Info("resending post", slog.String("state", string(c.Prior)), slog.Int("attempt", c.Attempt),
			slog.String("idempotency_key", c.Post.IdempotencyKey))
	}
	res.Attempt = c.Attempt
	pctx, cancel := context.WithTimeout(ctx, cmpOr(d.Timeout, 60*time.Second))
	rcpt, perr := j.Publisher.Publish(pctx, c.Post)
	cancel()
	if d.AfterPublish != nil {
		d.AfterPublish(ctx, c.Post, rcpt, perr)
	}
	return d.record(ctx, log, c, rcpt, perr, res)
}

// record commits the outcome of one send. It uses a context that outlives
// ctx's cancellation, so an answer received during shutdown is not lost.
func (d *Deliverer) record(ctx context.Context, log *slog.Logger, c store.Claim, rcpt publish.Receipt, perr error, res Result) Result {
	p := c.Post
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	now := d.now()
	note := ""
	switch {
	case perr == nil || errors.Is(perr, publish.ErrDuplicate):
		if perr != nil {
			note = "duplicate"
		}
		res.State, res.Receipt = store.Posted, rcpt
		if err := d.Store.MarkPosted(wctx, p.ArticleID, p.Account, rcpt, note, now); err != nil {
			res.Err = err
			log.Error("post sent but not recorded; it will be reconciled with the same key", slog.Any("error", err))
			return res
		}
		log.Info("posted", slog.String("state", string(store.Posted)), slog.Int("attempt", c.Attempt),
			slog.String("receipt_id", rcpt.ID), slog.String("url", rcpt.URL), slog.String("note", note))
		return res
	}
	res.State, res.Err = store.Failed, perr
	next := d.nextAttempt(c.Attempt, perr, now, ctx.Err() != nil)
	res.NextAttempt = next
	msg := perr.Error()
	if next.IsZero() && publish.Retryable(perr) {
		msg = fmt.Sprintf("%s (gave up after %d attempts)", msg, c.Attempt)
	}
	if err := d.Store.MarkFailed(wctx, p.ArticleID, p.Account, msg, next, now); err != nil {
		res.Err = errors.Join(perr, err)
		log.Error("post failed and not recorded", slog.Any("error", res.Err))
		return res
	}
	attrs := []any{slog.String("state", string(store.Failed)), slog.Int("attempt", c.Attempt), slog.String("error", msg)}
	if next.IsZero() {
		log.Error("post failed permanently", attrs...)
	} else {
		log.Warn("post failed; will retry", append(attrs, slog.Time("next_attempt", next))...)
	}
	return res
}

// nextAttempt is when to retry after attempt n failed with err; zero for no
// retry. A post interrupted by shutdown is due at once (it is resent with the
// same key on the next start); a rate limit waits for its reset.
func (d *Deliverer) nextAttempt(n int, err error, now time.Time, interrupted bool) time.Time {
	if interrupted {
		return now
	}
	if !publish.Retryable(err) || n >= cmpOr(d.MaxAttempts, 8) {
		return time.Time{}
	}
	var rl *publish.RateLimitError
	if errors.As(err, &rl) && rl.Reset.After(now) {
		return rl.Reset
	}
	return now.Add(d.Backoff.Delay(n, d.Rand))
}

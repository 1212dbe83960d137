// Package deliver sends posts exactly once: each post is recorded as posting
// with its idempotency key before the request goes out and as posted with its
// receipt after, failures are retried with backoff, and rows left posting by
// a crash are reconciled by resending with the same key.
package deliver

import (
	"cmp"
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

// ReshareKey returns the idempotency key of the share-th re-share of an
// article to an account: like Key, a key of its own for each share, so a
// network that keeps keys (Mastodon, Bluesky's record key) takes it as a
// new post; share 0 is the first post's Key.
func ReshareKey(articleID, account string, share int) string {
	if share == 0 {
		return Key(articleID, account)
	}
	return Key(articleID, fmt.Sprintf("%s\x00share %d", account, share))
}

// Job is one post to send through one publisher.
type Job struct {
	Post      publish.Post
	Publisher publish.Publisher
	// RepostEdited sends again when the article changed since it was posted.
	RepostEdited bool
	// Manual resends a failed post now (see store.ClaimRequest.Manual).
	Manual bool
	// Share is 0 for the article's first post to the account, N for its Nth
	// re-share (a row of its own, with a key of its own: see ReshareKey).
	Share int
}

// Result is what became of one job.
type Result struct {
	ArticleID, Account string
	// Share is the job's share (0 for the first post).
	Share int
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
//
// All jobs are claimed (recorded as posting) in one transaction before any
// request goes out, and outcomes are committed in groups as they come in, so
// a fire to 100 accounts costs a few disk syncs rather than 200.
func (d *Deliverer) Deliver(ctx context.Context, jobs []Job) []Result {
	results := make([]Result, len(jobs))
	var (
		reqs []store.ClaimRequest
		idx  []int // job index of each request
	)
	now := d.now()
	for i, j := range jobs {
		p := j.Post
		if p.IdempotencyKey == "" {
			p.IdempotencyKey = ReshareKey(p.ArticleID, p.Account, j.Share)
		}
		results[i] = Result{ArticleID: p.ArticleID, Account: p.Account, Share: j.Share}
		if j.Publisher == nil {
			results[i].Err = fmt.Errorf("deliver %s to %s: no publisher for the account", p.ArticleID, p.Account)
			d.log().Error("post not sent", slog.String("account", p.Account), slog.String("article_id", p.ArticleID), slog.Any("error", results[i].Err))
			continue
		}
		reqs = append(reqs, store.ClaimRequest{Post: StoredPost(p, j.Share), Now: now, RepostEdited: j.RepostEdited, Manual: j.Manual})
		idx = append(idx, i)
	}
	if len(reqs) == 0 {
		return results
	}
	claims, err := d.Store.ClaimMany(ctx, reqs)
	if err != nil {
		for _, i := range idx {
			results[i].Err = fmt.Errorf("deliver %s to %s: %w", results[i].ArticleID, results[i].Account, err)
		}
		d.log().Error("posts not claimed; nothing sent", slog.Int("posts", len(idx)), slog.Any("error", err))
		return results
	}
	// While the requests run, their claims' leases are renewed, so that
	// another process sees them in flight however long a request takes.
	release := d.Store.HoldLeases()
	defer release()

	done := make(chan sent, len(claims))
	sem := make(chan struct{}, cmp.Or(d.Concurrency, 16))
	var wg sync.WaitGroup
	sending := 0
	for k, c := range claims {
		i := idx[k]
		log := d.log().With(slog.String("account", results[i].Account), slog.String("article_id", results[i].ArticleID))
		if c.Outcome == store.ClaimSkip {
			results[i].State, results[i].Skipped, results[i].Reason = c.Prior, true, c.Reason
			log.Debug("post skipped", slog.String("state", string(c.Prior)), slog.String("reason", c.Reason))
			continue
		}
		if c.Outcome == store.ClaimResend {
			log.Info("resending post", slog.String("state", string(c.Prior)), slog.Int("attempt", c.Attempt),
				slog.String("idempotency_key", c.Post.IdempotencyKey))
		}
		sending++
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			done <- d.send(ctx, i, c, jobs[i].Publisher, log)
		}()
	}
	d.recordAll(ctx, done, sending, results)
	wg.Wait()
	return results
}

// sent is one finished Publish call waiting to be committed.
type sent struct {
	i       int
	claim   store.Claim
	receipt publish.Receipt
	err     error
	log     *slog.Logger
}

// send makes one Publish call with the per-post timeout.
func (d *Deliverer) send(ctx context.Context, i int, c store.Claim, pub publish.Publisher, log *slog.Logger) sent {
	pctx, cancel := context.WithTimeout(ctx, cmp.Or(d.Timeout, 60*time.Second))
	p := PublishPost(c.Post, c.Attempt)
	p.ByHand = c.ByHand
	rcpt, err := pub.Publish(pctx, p)
	cancel()
	if d.AfterPublish != nil {
		d.AfterPublish(ctx, PublishPost(c.Post, 0), rcpt, err)
	}
	return sent{i: i, claim: c, receipt: rcpt, err: err, log: log}
}

// recordAll commits outcomes as they arrive, each time all that are waiting
// in one transaction (group commit). It uses a context that outlives ctx's
// cancellation, so an answer received during shutdown is not lost.
func (d *Deliverer) recordAll(ctx context.Context, done <-chan sent, n int, results []Result) {
	interrupted := func() bool { return ctx.Err() != nil }
	for n > 0 {
		batch := []sent{<-done}
		for len(batch) < n {
			select {
			case s := <-done:
				batch = append(batch, s)
				continue
			default:
			}
			break
		}
		n -= len(batch)
		now := d.now()
		outs := make([]store.Outcome, len(batch))
		for k, s := range batch {
			outs[k] = d.outcome(s, now, interrupted())
			results[s.i] = result(s, outs[k])
		}
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		err := d.Store.Record(wctx, now, outs)
		cancel()
		for k, s := range batch {
			d.logOutcome(s, outs[k], err)
			if err != nil {
				results[s.i].Err = errors.Join(results[s.i].Err, err)
			}
		}
	}
}

// outcome turns a Publish answer into what the store records.
func (d *Deliverer) outcome(s sent, now time.Time, interrupted bool) store.Outcome {
	o := store.Outcome{ArticleID: s.claim.Post.ArticleID, Account: s.claim.Post.Account, Share: s.claim.Post.Share,
		Receipt: storedReceipt(s.receipt)}
	if s.err == nil || errors.Is(s.err, publish.ErrDuplicate) {
		o.Posted = true
		if s.err != nil {
			o.Note = "duplicate"
		}
		return o
	}
	o.LastError = s.err.Error()
	o.Next = d.nextAttempt(s.claim.Attempt, s.err, now, interrupted)
	switch {
	case interrupted:
		o.Note = store.NoteInterrupted
	case o.Next.IsZero() && publish.Retryable(s.err):
		o.LastError = fmt.Sprintf("%s (gave up after %d attempts)", o.LastError, s.claim.Attempt)
	}
	return o
}

func result(s sent, o store.Outcome) Result {
	r := Result{ArticleID: o.ArticleID, Account: o.Account, Share: o.Share, Attempt: s.claim.Attempt, State: store.Failed, NextAttempt: o.Next}
	if o.Posted {
		r.State, r.Receipt = store.Posted, s.receipt
	} else {
		r.Err = s.err
	}
	return r
}

func (d *Deliverer) logOutcome(s sent, o store.Outcome, recErr error) {
	log := s.log
	switch {
	case recErr != nil && o.Posted:
		log.Error("post sent but not recorded; it will be reconciled with the same key", slog.Any("error", recErr))
	case recErr != nil:
		log.Error("post failed and the failure was not recorded", slog.String("post_error", o.LastError), slog.Any("error", recErr))
	case o.Posted:
		log.Info("posted", slog.String("state", string(store.Posted)), slog.Int("attempt", s.claim.Attempt),
			slog.String("receipt_id", o.Receipt.ID), slog.String("url", o.Receipt.URL), slog.String("note", o.Note))
	case o.Note == store.NoteInterrupted:
		log.Warn("post interrupted by shutdown; resent with the same key at next start", slog.String("state", string(store.Failed)),
			slog.Int("attempt", s.claim.Attempt), slog.String("error", o.LastError))
	case o.Next.IsZero():
		log.Error("post failed permanently", slog.String("state", string(store.Failed)), slog.Int("attempt", s.claim.Attempt),
			slog.String("error", o.LastError))
	default:
		log.Warn("post failed; will retry", slog.String("state", string(store.Failed)), slog.Int("attempt", s.claim.Attempt),
			slog.String("error", o.LastError), slog.Time("next_attempt", o.Next))
	}
}

// nextAttempt is when to retry after attempt n failed with err; zero for no
// retry. A post interrupted by shutdown is due at once (it is resent with the
// same key on the next start); a rate limit or a cap waits for its reset.
func (d *Deliverer) nextAttempt(n int, err error, now time.Time, interrupted bool) time.Time {
	if interrupted {
		return now
	}
	// A cap that knows when it resets (X's daily and monthly caps) holds
	// the post until then instead of failing it for good.
	var quota interface{ QuotaReset() time.Time }
	if errors.Is(err, publish.ErrQuota) && errors.As(err, &quota) && quota.QuotaReset().After(now) {
		return quota.QuotaReset()
	}
	if !publish.Retryable(err) || n >= cmp.Or(d.MaxAttempts, 8) {
		return time.Time{}
	}
	var rl *publish.RateLimitError
	if errors.As(err, &rl) && rl.Reset.After(now) {
		return rl.Reset
	}
	return now.Add(d.Backoff.Delay(n, d.Rand))
}

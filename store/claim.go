package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// ClaimOutcome says whether the caller may send the post.
type ClaimOutcome int

// Claim outcomes.
const (
	// ClaimSkip: do not send; Claim.Reason says why.
	ClaimSkip ClaimOutcome = iota
	// ClaimSend: the row is now posting, owned by this Store; send Claim.Post.
	ClaimSend
	// ClaimResend: an earlier attempt crashed or failed and is due; the row is
	// posting again; send the stored Claim.Post with its same key.
	ClaimResend
)

// ClaimRequest asks to claim one article × account for sending.
type ClaimRequest struct {
	// Post is the fitted post; its IdempotencyKey must be set.
	Post Post
	// Now is the current time.
	Now time.Time
	// RepostEdited allows a new post when the article changed since it was
	// posted; the new key is the post's key + ":" + 12 hex of the new hash.
	RepostEdited bool
	// Manual resends a failed post now, with its stored text and key, even
	// when the failure was permanent or its retry is not yet due: a person
	// ran `hookline post` after fixing the cause.
	Manual bool
}

// Claim is the answer to ClaimRequest.
type Claim struct {
	Outcome ClaimOutcome
	// Post is what to send: the request's post for a new row, the stored one
	// (same text, same key) for a resend.
	Post Post
	// Attempt is this attempt's number, from 1.
	Attempt int
	// Reason explains a skip.
	Reason string
	// Prior is the row's state before the claim; empty for a new row.
	Prior State
	// ByHand reports that a person asked for this resend of a failed post:
	// hookline retry (the row says so, whichever process claims it), or a
	// hand post of it (ClaimRequest.Manual).
	ByHand bool
}

// Claim decides, in one transaction, whether p may be sent now and if so
// marks its row posting with this Store as owner — before any request goes
// out. Posted and skipped rows, rows in flight elsewhere, permanent failures
// and failures not yet due are skipped.
func (s *Store) Claim(ctx context.Context, req ClaimRequest) (Claim, error) {
	cs, err := s.ClaimMany(ctx, []ClaimRequest{req})
	if err != nil {
		return Claim{}, err
	}
	return cs[0], nil
}

// ClaimMany is Claim for many posts in one transaction (one disk sync), in
// order. A second request for the same article × account is skipped as in
// flight.
func (s *Store) ClaimMany(ctx context.Context, reqs []ClaimRequest) ([]Claim, error) {
	reqs = slices.Clone(reqs)
	for i := range reqs {
		reqs[i].Post.Account = s.current(reqs[i].Post.Account)
	}
	for _, req := range reqs {
		if p := req.Post; p.ArticleID == "" || p.Account == "" || p.IdempotencyKey == "" {
			return nil, fmt.Errorf("state %s: claim: post needs article id, account and idempotency key", s.path)
		}
	}
	claims := make([]Claim, len(reqs))
	// Take the in-process token first: a second goroutine claiming the same
	// article × account skips here, and an own posting row found below
	// without a token holder is a leftover whose outcome never committed.
	took := make([]bool, len(reqs))
	for i, req := range reqs {
		took[i] = s.takeInFlight(req.Post.ArticleID, req.Post.Account, req.Post.Share)
		if !took[i] {
			claims[i] = Claim{Outcome: ClaimSkip, Prior: Posting, Reason: "in flight"}
		}
	}
	what := fmt.Sprintf("claim %d posts", len(reqs))
	if len(reqs) == 1 {
		what = "claim " + reqs[0].Post.ArticleID + " for " + reqs[0].Post.Account
	}
	err := s.tx(ctx, what, func(tx *sql.Tx) error {
		for i, req := range reqs {
			if !took[i] {
				continue
			}
			c, err := s.claimTx(ctx, tx, req)
			if err != nil {
				return err
			}
			claims[i] = c
		}
		return nil
	})
	for i, req := range reqs {
		if took[i] && (err != nil || claims[i].Outcome == ClaimSkip) {
			s.setInFlight(req.Post.ArticleID, req.Post.Account, req.Post.Share, false)
		}
	}
	if err != nil {
		return nil, err
	}
	return claims, nil
}

func (s *Store) claimTx(ctx context.Context, tx *sql.Tx, req ClaimRequest) (Claim, error) {
	p := req.Post
	now := req.Now.UTC()
	if err := articleStub(ctx, tx, p, now); err != nil {
		return Claim{}, err
	}
	var hash string
	if err := tx.QueryRowContext(ctx, "SELECT hash FROM articles WHERE id = ?", p.ArticleID).Scan(&hash); err != nil {
		return Claim{}, err
	}
	r, err := scanPost(tx.QueryRowContext(ctx, "SELECT "+postColumns+postFrom+" WHERE p.article_id = ? AND p.account = ? AND p.share = ?",
		p.ArticleID, p.Account, p.Share))
	if errors.Is(err, sql.ErrNoRows) {
		return Claim{Outcome: ClaimSend, Post: p, Attempt: 1}, insertPosting(ctx, tx, p, hash, s.owner, now)
	}
	if err != nil {
		return Claim{}, err
	}
	c := Claim{Prior: r.State, Post: r.Post, Attempt: r.Attempts + 1}
	edited := req.RepostEdited && hash != "" && r.ArticleHash != hash
	switch {
	case r.State == Approved:
		// A person approved the stored post, maybe edited: that text goes
		// out, whatever the request holds, under the stored key.
		c.Outcome = ClaimSend
	case r.State == Review:
		c.Reason = fmt.Sprintf("awaiting review; approve it with hookline approve %s", FormatID(r.ID))
	case r.State == Held:
		c.Reason = fmt.Sprintf("held; approve it with hookline approve %s", FormatID(r.ID))
	case r.State == Pending:
		c.Outcome, c.Post, c.Attempt = ClaimSend, p, 1
		return c, updatePosting(ctx, tx, p, hash, 1, s.owner, now)
	case edited && (r.State == Posted || r.State == Skipped || (r.State == Failed && r.NextAttempt.IsZero())):
		p.IdempotencyKey += ":" + hash[:min(12, len(hash))]
		c.Outcome, c.Post, c.Attempt = ClaimSend, p, 1
		return c, updatePosting(ctx, tx, p, hash, 1, s.owner, now)
	case r.State == Posted:
		c.Reason = "already posted"
	case r.State == Skipped:
		c.Reason = "skipped"
	case r.State == Posting && r.Owner != s.owner && s.claimLive(r, now):
		c.Reason = "in flight"
	case r.State == Posting:
		c.Outcome = ClaimResend
	case r.State == Failed && (req.Manual || r.Note == noteRetry):
		c.Outcome, c.ByHand = ClaimResend, true
	case r.State == Failed && r.NextAttempt.IsZero():
		c.Reason = "failed permanently: " + r.LastError
	case r.State == Failed && r.NextAttempt.After(now):
		c.Reason = "retry due at " + r.NextAttempt.Format(time.RFC3339)
	case r.State == Failed:
		c.Outcome = ClaimResend
	default:
		return c, fmt.Errorf("post %s × %s: unknown state %q", p.ArticleID, p.Account, r.State)
	}
	if c.Outcome == ClaimSkip {
		return c, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE posts SET state = 'posting', attempts = ?, owner = ?, claimed_at = ?,
		next_attempt_at = NULL, auto_approve_at = NULL, updated_at = ? WHERE id = ?`,
		c.Attempt, s.owner, now.UnixNano(), now.UnixNano(), r.ID)
	return c, err
}

// reshareOf is the SQL for a new row's reshare_of, given its share and then
// its article id and account: the first post's id for a re-share, else NULL.
const reshareOf = `CASE WHEN ? > 0 THEN (SELECT id FROM posts WHERE article_id = ? AND account = ? AND share = 0) END`

func insertPosting(ctx context.Context, tx *sql.Tx, p Post, hash, owner string, now time.Time) error {
	data, err := encodePost(p)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO posts (article_id, account, share, reshare_of, state, attempts, idempotency_key,
		article_hash, post, owner, claimed_at, created_at, updated_at) VALUES (?, ?, ?, `+reshareOf+`, 'posting', 1, ?, ?, ?, ?, ?, ?, ?)`,
		p.ArticleID, p.Account, p.Share, p.Share, p.ArticleID, p.Account, p.IdempotencyKey, hash, data, owner,
		now.UnixNano(), now.UnixNano(), now.UnixNano())
	return err
}

func updatePosting(ctx context.Context, tx *sql.Tx, p Post, hash string, attempt int, owner string, now time.Time) error {
	data, err := encodePost(p)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE posts SET state = 'posting', attempts = ?, idempotency_key = ?, article_hash = ?,
		post = ?, receipt_id = '', url = '', last_error = '', note = '', owner = ?, claimed_at = ?, next_attempt_at = NULL,
		posted_at = NULL, updated_at = ? WHERE article_id = ? AND account = ? AND share = ?`,
		attempt, p.IdempotencyKey, hash, data, owner, now.UnixNano(), now.UnixNano(), p.ArticleID, p.Account, p.Share)
	return err
}

// NoteInterrupted is the note of a post whose request was cut off by the
// daemon's shutdown: recorded failed and due at once, it is resent with the
// same key at the next start, so history says so rather than show the
// "context canceled" it failed with.
const NoteInterrupted = "interrupted"

// Outcome is the result of one send, for Record.
type Outcome struct {
	ArticleID, Account string
	// Share names the row with ArticleID and Account (0 for the first post).
	Share int
	// Posted is true when the network accepted the post (or had it already).
	Posted  bool
	Receipt Receipt
	// Note is kept for history, e.g. "duplicate".
	Note string
	// LastError is the failure, when not Posted.
	LastError string
	// Next is when a failure is retried; zero makes it permanent.
	Next time.Time
}

// Record commits outcomes in one transaction (one disk sync), so a fire to
// many accounts costs a few syncs, not one per post. Whether it succeeds or
// not, the posts stop being in flight here: if the commit failed they stay
// posting and the next Resume reconciles them with the same key.
func (s *Store) Record(ctx context.Context, now time.Time, outs []Outcome) error {
	outs = slices.Clone(outs)
	for i := range outs {
		outs[i].Account = s.current(outs[i].Account)
	}
	defer func() {
		for _, o := range outs {
			s.setInFlight(o.ArticleID, o.Account, o.Share, false)
		}
	}()
	what := fmt.Sprintf("record %d posts", len(outs))
	if len(outs) == 1 {
		what = "record post " + outs[0].ArticleID + " for " + outs[0].Account
	}
	return s.tx(ctx, what, func(tx *sql.Tx) error {
		for _, o := range outs {
			var (
				res sql.Result
				err error
			)
			if o.Posted {
				at := o.Receipt.At
				if at.IsZero() {
					at = now
				}
				res, err = tx.ExecContext(ctx, `UPDATE posts SET state = 'posted', receipt_id = ?, url = ?, note = ?, last_error = '',
					owner = '', next_attempt_at = NULL, posted_at = ?, updated_at = ? WHERE article_id = ? AND account = ? AND share = ? AND state != 'posted'`,
					o.Receipt.ID, o.Receipt.URL, o.Note, at.UnixNano(), now.UnixNano(), o.ArticleID, o.Account, o.Share)
			} else {
				res, err = tx.ExecContext(ctx, `UPDATE posts SET state = 'failed', last_error = ?, note = ?, owner = '', next_attempt_at = ?,
					updated_at = ? WHERE article_id = ? AND account = ? AND share = ? AND state != 'posted'`,
					o.LastError, o.Note, nanos(o.Next), now.UnixNano(), o.ArticleID, o.Account, o.Share)
			}
			if err != nil {
				return err
			}
			if err := mustExist(ctx, tx, res, o.ArticleID, o.Account, o.Share); err != nil {
				return err
			}
		}
		return nil
	})
}

// MarkPosted records the network's receipt. note is kept for history (for
// example "duplicate" when the network already had the post).
func (s *Store) MarkPosted(ctx context.Context, articleID, account string, r Receipt, note string, now time.Time) error {
	return s.Record(ctx, now, []Outcome{{ArticleID: articleID, Account: account, Posted: true, Receipt: r, Note: note}})
}

// MarkFailed records a failed attempt. A zero next makes the failure
// permanent; otherwise the post is retried from next on.
func (s *Store) MarkFailed(ctx context.Context, articleID, account, lastError string, next, now time.Time) error {
	return s.Record(ctx, now, []Outcome{{ArticleID: articleID, Account: account, LastError: lastError, Next: next}})
}

// Skip records that p will never be posted (unless it was posted already).
func (s *Store) Skip(ctx context.Context, p Post, reason string, now time.Time) error {
	p.Account = s.current(p.Account)
	data, err := encodePost(p)
	if err != nil {
		return fmt.Errorf("state %s: %w", s.path, err)
	}
	return s.tx(ctx, "skip "+p.ArticleID+" for "+p.Account, func(tx *sql.Tx) error {
		if err := articleStub(ctx, tx, p, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO posts (article_id, account, share, state, idempotency_key, article_hash, post, note,
			created_at, updated_at) VALUES (?, ?, ?, 'skipped', ?, (SELECT hash FROM articles WHERE id = ?), ?, ?, ?, ?)
			ON CONFLICT (article_id, account, share) DO UPDATE SET state = 'skipped', note = excluded.note, owner = '',
			next_attempt_at = NULL, auto_approve_at = NULL, updated_at = excluded.updated_at WHERE state NOT IN ('posted', 'posting')`,
			p.ArticleID, p.Account, p.Share, p.IdempotencyKey, p.ArticleID, data, reason, now.UnixNano(), now.UnixNano())
		return err
	})
}

func mustExist(ctx context.Context, tx *sql.Tx, res sql.Result, articleID, account string, share int) error {
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	var state string
	err := tx.QueryRowContext(ctx, "SELECT state FROM posts WHERE article_id = ? AND account = ? AND share = ?", articleID, account, share).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("post %s × %s: %w", articleID, account, ErrNotFound)
	}
	return err // already posted: nothing to change
}

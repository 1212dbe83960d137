package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hookline/hookline/article"
)

// State is where a post (article × account) stands.
type State string

// Post states.
const (
	// Pending: chosen for posting, not yet sent.
	Pending State = "pending"
	// Posting: claimed and (maybe) sent; the answer is not recorded yet. A
	// posting row whose owner died is reconciled by resending with its key.
	Posting State = "posting"
	// Posted: the network accepted it (or answered duplicate).
	Posted State = "posted"
	// Failed: the last attempt failed; NextAttempt says when to retry, zero
	// for a permanent failure.
	Failed State = "failed"
	// Skipped: decided never to post (for example a seen-only article, or
	// a person's skip).
	Skipped State = "skipped"
	// Review: written at a fire of a schedule with review: approve and
	// waiting for a person; never sent until approved (by a person, or at
	// AutoApproveAt). See review.go for every transition.
	Review State = "review"
	// Approved: a person approved it; it goes out at the next fire of its
	// schedule, or at once with approve --now.
	Approved State = "approved"
	// Held: a person held it; it is neither sent nor approved on its own
	// until approved again.
	Held State = "held"
)

// PostRecord is one row of the posts table.
type PostRecord struct {
	// ID is the row's short id, the number people type (hookline approve 12);
	// it never changes. See FormatID and ParseID.
	ID        int64
	ArticleID string
	Account   string
	// Share is 0 for the article's first post to the account, N for its Nth
	// re-share; ReshareOf is the first post's ID for a re-share, else 0.
	Share     int
	ReshareOf int64
	// Schedule names the schedule that wrote the post; empty for one made
	// by hand.
	Schedule       string
	State          State
	Attempts       int
	IdempotencyKey string
	// ArticleHash is the article's content hash when the post was claimed.
	ArticleHash string
	// Post is the exact post that was (or will be) sent.
	Post Post
	// Title is the article's title.
	Title       string
	ReceiptID   string
	URL         string
	LastError   string
	Note        string
	Owner       string
	ClaimedAt   time.Time
	NextAttempt time.Time
	// AutoApproveAt is when a post under review is approved on its own
	// (auto_approve_after); zero for never.
	AutoApproveAt time.Time
	// EditedAt is when a person last changed the text; zero for never.
	EditedAt  time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
	PostedAt  time.Time
}

// Time is when the record last mattered: posted time, else last update.
func (r PostRecord) Time() time.Time {
	if !r.PostedAt.IsZero() {
		return r.PostedAt
	}
	return r.UpdatedAt
}

const postColumns = `p.article_id, p.account, p.state, p.attempts, p.idempotency_key, p.article_hash, p.post,
	COALESCE(a.title, ''), p.receipt_id, p.url, p.last_error, p.note, p.owner, p.claimed_at, p.next_attempt_at,
	p.created_at, p.updated_at, p.posted_at, p.id, p.share, COALESCE(p.reshare_of, 0), p.schedule, p.auto_approve_at, p.edited_at`

const postFrom = ` FROM posts p LEFT JOIN articles a ON a.id = p.article_id`

type scanner interface{ Scan(dest ...any) error }

func scanPost(sc scanner) (PostRecord, error) {
	var (
		r                                  PostRecord
		state, post                        string
		claimed, next, created, upd, pdone sql.NullInt64
		auto, edited                       sql.NullInt64
	)
	err := sc.Scan(&r.ArticleID, &r.Account, &state, &r.Attempts, &r.IdempotencyKey, &r.ArticleHash, &post,
		&r.Title, &r.ReceiptID, &r.URL, &r.LastError, &r.Note, &r.Owner, &claimed, &next, &created, &upd, &pdone,
		&r.ID, &r.Share, &r.ReshareOf, &r.Schedule, &auto, &edited)
	if err != nil {
		return r, err
	}
	r.State = State(state)
	if err := json.Unmarshal([]byte(post), &r.Post); err != nil {
		return r, fmt.Errorf("post %s × %s: decode: %w", r.ArticleID, r.Account, err)
	}
	r.Post.Share = r.Share // the column is the row's identity
	r.AutoApproveAt, r.EditedAt = fromNanos(auto), fromNanos(edited)
	if r.Title == "" {
		r.Title = r.Post.Title
	}
	r.ClaimedAt, r.NextAttempt = fromNanos(claimed), fromNanos(next)
	r.CreatedAt, r.UpdatedAt, r.PostedAt = fromNanos(created), fromNanos(upd), fromNanos(pdone)
	return r, nil
}

// Post returns the first post (share 0) of articleID to account, or an
// error wrapping ErrNotFound. Shares returns the re-shares too.
func (s *Store) Post(ctx context.Context, articleID, account string) (PostRecord, error) {
	r, err := scanPost(s.db.QueryRowContext(ctx, "SELECT "+postColumns+postFrom+" WHERE p.article_id = ? AND p.account = ? AND p.share = 0", articleID, account))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("state %s: post %s × %s: %w", s.path, articleID, account, ErrNotFound)
	}
	return r, classify(s.path, "read post", err)
}

// HistoryFilter narrows History.
type HistoryFilter struct {
	// Account keeps only this account's posts; empty keeps all.
	Account string
	// State keeps only posts in this state; ArticleID only this article's
	// posts. Empty keeps all.
	State     State
	ArticleID string
	// Limit caps the rows; zero or less means 20.
	Limit int
}

// History returns posts newest first (by last update). It walks an index, so
// it answers in well under a millisecond-per-row regardless of table size.
func (s *Store) History(ctx context.Context, f HistoryFilter) ([]PostRecord, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	q := "SELECT " + postColumns + postFrom + " WHERE 1 = 1"
	args := []any{}
	if f.Account != "" {
		q += " AND p.account = ?"
		args = append(args, f.Account)
	}
	if f.State != "" {
		q += " AND p.state = ?"
		args = append(args, string(f.State))
	}
	if f.ArticleID != "" {
		q += " AND p.article_id = ?"
		args = append(args, f.ArticleID)
	}
	q += " ORDER BY p.updated_at DESC, p.id DESC LIMIT ?"
	args = append(args, limit)
	return s.queryPosts(ctx, "read history", q, args...)
}

func (s *Store) queryPosts(ctx context.Context, what, q string, args ...any) ([]PostRecord, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, classify(s.path, what, err)
	}
	defer rows.Close()
	var out []PostRecord
	for rows.Next() {
		r, err := scanPost(rows)
		if err != nil {
			return nil, classify(s.path, what, err)
		}
		out = append(out, r)
	}
	return out, classify(s.path, what, rows.Err())
}

// Due returns the rows Resume should act on at now: posting rows whose claim
// is not live (a crashed or interrupted attempt) and failed rows whose next
// attempt is due, oldest first.
func (s *Store) Due(ctx context.Context, now time.Time) ([]PostRecord, error) {
	rows, err := s.queryPosts(ctx, "select due posts", "SELECT "+postColumns+postFrom+
		` WHERE p.state = 'posting' OR (p.state = 'failed' AND p.next_attempt_at IS NOT NULL AND p.next_attempt_at <= ?)
		ORDER BY p.created_at, p.id`, now.UnixNano())
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, r := range rows {
		if r.State == Posting && s.claimLive(r, now) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// flight is a post this Store has in flight: its article, account and
// share.
type flight struct {
	articleID, account string
	share              int
}

func flightKey(articleID, account string, share int) flight {
	return flight{articleID, account, share}
}

// takeInFlight marks articleID × account (share) as being sent by this
// Store; false when it already is.
func (s *Store) takeInFlight(articleID, account string, share int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := flightKey(articleID, account, share)
	if s.inflight[k] {
		return false
	}
	s.inflight[k] = true
	return true
}

func (s *Store) setInFlight(articleID, account string, share int, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if on {
		s.inflight[flightKey(articleID, account, share)] = true
	} else {
		delete(s.inflight, flightKey(articleID, account, share))
	}
}

// articleStub keeps the foreign key valid for a post whose article was never
// stored (a one-off `hookline post`).
func articleStub(ctx context.Context, tx *sql.Tx, p Post, now time.Time) error {
	data, err := encodeArticle(&article.Article{ID: p.ArticleID, Title: p.Title, URL: p.Link})
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO articles (id, source, hash, title, url, first_seen, updated_at, seen_only, data)
		VALUES (?, '', '', ?, ?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING`, p.ArticleID, p.Title, p.Link, now.UnixNano(), now.UnixNano(), data)
	return err
}

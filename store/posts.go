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
	// Skipped: decided never to post (for example a seen-only article).
	Skipped State = "skipped"
)

// PostRecord is one row of the posts table.
type PostRecord struct {
	ArticleID      string
	Account        string
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
	CreatedAt   time.Time
	UpdatedAt   time.Time
	PostedAt    time.Time
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
	p.created_at, p.updated_at, p.posted_at`

const postFrom = ` FROM posts p LEFT JOIN articles a ON a.id = p.article_id`

type scanner interface{ Scan(dest ...any) error }

func scanPost(sc scanner) (PostRecord, error) {
	var (
		r                                  PostRecord
		state, post                        string
		claimed, next, created, upd, pdone sql.NullInt64
	)
	err := sc.Scan(&r.ArticleID, &r.Account, &state, &r.Attempts, &r.IdempotencyKey, &r.ArticleHash, &post,
		&r.Title, &r.ReceiptID, &r.URL, &r.LastError, &r.Note, &r.Owner, &claimed, &next, &created, &upd, &pdone)
	if err != nil {
		return r, err
	}
	r.State = State(state)
	if err := json.Unmarshal([]byte(post), &r.Post); err != nil {
		return r, fmt.Errorf("post %s × %s: decode: %w", r.ArticleID, r.Account, err)
	}
	if r.Title == "" {
		r.Title = r.Post.Title
	}
	r.ClaimedAt, r.NextAttempt = fromNanos(claimed), fromNanos(next)
	r.CreatedAt, r.UpdatedAt, r.PostedAt = fromNanos(created), fromNanos(upd), fromNanos(pdone)
	return r, nil
}

// Post returns the row for articleID × account, or an error wrapping
// ErrNotFound.
func (s *Store) Post(ctx context.Context, articleID, account string) (PostRecord, error) {
	r, err := scanPost(s.db.QueryRowContext(ctx, "SELECT "+postColumns+postFrom+" WHERE p.article_id = ? AND p.account = ?", articleID, account))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("state %s: post %s × %s: %w", s.path, articleID, account, ErrNotFound)
	}
	return r, classify(s.path, "read post", err)
}

// HistoryFilter narrows History.
type HistoryFilter struct {
	// Account keeps only this account's posts; empty keeps all.
	Account string
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
	q := "SELECT " + postColumns + postFrom
	args := []any{}
	if f.Account != "" {
		q += " WHERE p.account = ?"
		args = append(args, f.Account)
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

func flightKey(articleID, account string) string { return articleID + "\x00" + account }

// takeInFlight marks articleID × account as being sent by this Store; false
// when it already is.
func (s *Store) takeInFlight(articleID, account string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := flightKey(articleID, account)
	if s.inflight[k] {
		return false
	}
	s.inflight[k] = true
	return true
}

func (s *Store) setInFlight(articleID, account string, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if on {
		s.inflight[flightKey(articleID, account)] = true
	} else {
		delete(s.inflight, flightKey(articleID, account))
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

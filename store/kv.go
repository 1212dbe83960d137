package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// FeedState returns the validators saved for a feed source; empty strings
// when the feed was never polled.
func (s *Store) FeedState(ctx context.Context, source string) (etag, lastModified string, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT etag, last_modified FROM feed_state WHERE source = ?", source).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	return etag, lastModified, classify(s.path, "read feed state "+source, err)
}

// FirstPolled returns when a feed source was first polled; zero when never.
// A new feed's items older than this are marked seen-only, not posted.
func (s *Store) FirstPolled(ctx context.Context, source string) (time.Time, error) {
	var n sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT first_polled FROM feed_state WHERE source = ?", source).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	return fromNanos(n), classify(s.path, "read feed state "+source, err)
}

// SetFeedState saves a feed's ETag and Last-Modified; the first call also
// records the first poll time.
func (s *Store) SetFeedState(ctx context.Context, source, etag, lastModified string) error {
	now := s.Now().UnixNano()
	err := s.exec(ctx, `INSERT INTO feed_state (source, etag, last_modified, first_polled, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET etag = excluded.etag,
		last_modified = excluded.last_modified, updated_at = excluded.updated_at`, source, etag, lastModified, now, now)
	return classify(s.path, "save feed state "+source, err)
}

// LastRun returns when a schedule last ran; zero when never.
func (s *Store) LastRun(ctx context.Context, schedule string) (time.Time, error) {
	var n sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT last_run FROM schedule_runs WHERE schedule = ?", schedule).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	return fromNanos(n), classify(s.path, "read last run of "+schedule, err)
}

// SetLastRun records when a schedule ran.
func (s *Store) SetLastRun(ctx context.Context, schedule string, t time.Time) error {
	if t.IsZero() {
		return fmt.Errorf("state %s: set last run of %s: zero time", s.path, schedule)
	}
	err := s.exec(ctx, `INSERT INTO schedule_runs (schedule, last_run) VALUES (?, ?)
		ON CONFLICT (schedule) DO UPDATE SET last_run = excluded.last_run`, schedule, t.UnixNano())
	return classify(s.path, "save last run of "+schedule, err)
}

// Token returns the stored (rotated) token for an account; empty when none.
// The value never appears in errors.
func (s *Store) Token(ctx context.Context, account string) (string, error) {
	account = s.current(account)
	var tok string
	err := s.db.QueryRowContext(ctx, "SELECT token FROM tokens WHERE account = ?", account).Scan(&tok)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return tok, classify(s.path, "read token of "+account, err)
}

// SetToken stores a rotated token for an account.
func (s *Store) SetToken(ctx context.Context, account, token string) error {
	account = s.current(account)
	err := s.exec(ctx, `INSERT INTO tokens (account, token, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (account) DO UPDATE SET token = excluded.token, updated_at = excluded.updated_at`,
		account, token, s.Now().UnixNano())
	return classify(s.path, "save token of "+account, err)
}

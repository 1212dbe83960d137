package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// SourceStats is what `hookline sources` shows of one source.
type SourceStats struct {
	// LastPoll is when the source was last polled; zero when never.
	LastPoll time.Time
	// LastError is the last poll's error, kept after later successes;
	// LastErrorAt says when. Empty and zero when no poll failed.
	LastError   string
	LastErrorAt time.Time
	// Seen counts articles marked seen and never to be posted (a new
	// feed's back catalogue, `sources mark-seen`).
	Seen int
	// Pending counts the postable articles not yet posted to any account.
	Pending int
	// Posted counts articles posted to at least one account.
	Posted int
}

// RecordPoll records that source was polled at the store's Now, and the
// poll's error when it failed (nil keeps the last error).
func (s *Store) RecordPoll(ctx context.Context, source string, pollErr error) error {
	now := s.Now().UnixNano()
	var err error
	if pollErr == nil {
		err = s.exec(ctx, `INSERT INTO source_stats (source, last_poll) VALUES (?, ?)
			ON CONFLICT (source) DO UPDATE SET last_poll = excluded.last_poll`, source, now)
	} else {
		msg := strings.Join(strings.Fields(pollErr.Error()), " ")
		err = s.exec(ctx, `INSERT INTO source_stats (source, last_poll, last_error, last_error_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (source) DO UPDATE SET last_poll = excluded.last_poll, last_error = excluded.last_error,
			last_error_at = excluded.last_error_at`, source, now, msg, now)
	}
	return classify(s.path, "record poll of "+source, err)
}

// Stats returns what is known of source; the zero SourceStats when it was
// never polled.
func (s *Store) Stats(ctx context.Context, source string) (SourceStats, error) {
	var (
		st           SourceStats
		poll, errAt  sql.NullInt64
		seen, posted sql.NullInt64
		total        int
	)
	err := s.db.QueryRowContext(ctx, "SELECT last_poll, last_error, last_error_at FROM source_stats WHERE source = ?", source).
		Scan(&poll, &st.LastError, &errAt)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return st, classify(s.path, "read stats of "+source, err)
	}
	st.LastPoll, st.LastErrorAt = fromNanos(poll), fromNanos(errAt)
	err = s.db.QueryRowContext(ctx, `SELECT count(*), sum(a.seen_only),
		sum(a.seen_only = 0 AND EXISTS (SELECT 1 FROM posts p WHERE p.article_id = a.id AND p.state = 'posted'))
		FROM articles a WHERE a.source = ?`, source).Scan(&total, &seen, &posted)
	if err != nil {
		return st, classify(s.path, "count articles of "+source, err)
	}
	st.Seen, st.Posted = int(seen.Int64), int(posted.Int64)
	st.Pending = total - st.Seen - st.Posted
	return st, nil
}

// unpostedBySource selects a source's articles that have no post row for
// any account: nothing is in flight or done for them.
const unpostedBySource = "source = ? AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.article_id = articles.id)"

// MarkSeen marks every article of source that has no post yet as seen, so
// none of them is posted (feed2toot's --populate-cache). It returns how
// many it marked.
func (s *Store) MarkSeen(ctx context.Context, source string) (int, error) {
	var n int64
	err := s.tx(ctx, "mark seen "+source, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE articles SET seen_only = 1 WHERE seen_only = 0 AND "+unpostedBySource, source)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// Backfill makes the newest n articles of source that are marked seen, and
// have no post yet, postable again. It returns how many it released.
func (s *Store) Backfill(ctx context.Context, source string, n int) (int, error) {
	if n <= 0 {
		return 0, nil
	}
	var released int64
	err := s.tx(ctx, "backfill "+source, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET seen_only = 0 WHERE id IN (
			SELECT id FROM articles WHERE seen_only = 1 AND `+unpostedBySource+`
			ORDER BY COALESCE(published, first_seen) DESC, id LIMIT ?)`, source, n)
		if err != nil {
			return err
		}
		released, err = res.RowsAffected()
		return err
	})
	return int(released), err
}

// AppliedBackfill returns the backfill last applied to a feed source, and
// false when none was recorded (a feed first polled by an older build).
func (s *Store) AppliedBackfill(ctx context.Context, source string) (int, bool, error) {
	var n sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT backfill FROM source_stats WHERE source = ?", source).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return int(n.Int64), n.Valid, classify(s.path, "read backfill of "+source, err)
}

// SetAppliedBackfill records the backfill applied to a feed source.
func (s *Store) SetAppliedBackfill(ctx context.Context, source string, n int) error {
	err := s.exec(ctx, `INSERT INTO source_stats (source, backfill) VALUES (?, ?)
		ON CONFLICT (source) DO UPDATE SET backfill = excluded.backfill`, source, n)
	return classify(s.path, "save backfill of "+source, err)
}

// ForgetFeedValidators drops a feed's ETag and Last-Modified, so that its
// next poll reads the whole feed again (after a backfill, to read the
// released items' pages).
func (s *Store) ForgetFeedValidators(ctx context.Context, source string) error {
	err := s.exec(ctx, "UPDATE feed_state SET etag = '', last_modified = '' WHERE source = ?", source)
	return classify(s.path, "forget feed state "+source, err)
}

// ArticleState reports whether an article with this id is stored, whether
// it is marked seen (never to be posted) and when it was first seen.
func (s *Store) ArticleState(ctx context.Context, id string) (stored, seenOnly bool, firstSeen time.Time, err error) {
	var n int64
	err = s.db.QueryRowContext(ctx, "SELECT seen_only, first_seen FROM articles WHERE id = ?", id).Scan(&seenOnly, &n)
	if errors.Is(err, sql.ErrNoRows) {
		return false, false, time.Time{}, nil
	}
	return err == nil, seenOnly, time.Unix(0, n).UTC(), classify(s.path, "read article "+id, err)
}

// WholeSince returns when a feed source was first polled by a build that
// reads items whole, recording the store's Now when it is the first time.
// Articles first seen before then were stored as their items were.
func (s *Store) WholeSince(ctx context.Context, source string) (time.Time, error) {
	err := s.exec(ctx, `INSERT INTO source_stats (source, whole_since) VALUES (?, ?)
		ON CONFLICT (source) DO UPDATE SET whole_since = COALESCE(whole_since, excluded.whole_since)
		WHERE whole_since IS NULL`, source, s.Now().UnixNano())
	if err != nil {
		return time.Time{}, classify(s.path, "save stats of "+source, err)
	}
	var n int64
	err = s.db.QueryRowContext(ctx, "SELECT whole_since FROM source_stats WHERE source = ?", source).Scan(&n)
	return time.Unix(0, n).UTC(), classify(s.path, "read stats of "+source, err)
}

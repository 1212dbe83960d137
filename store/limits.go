package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// InstanceLimits returns the length limits last learned from server (a
// Mastodon instance's max_characters and characters_reserved_per_url)
// and when; ok is false when none were.
func (s *Store) InstanceLimits(ctx context.Context, server string) (maxChars, urlLength int, at time.Time, ok bool, err error) {
	var learned int64
	err = s.db.QueryRowContext(ctx, "SELECT max_chars, url_length, learned_at FROM instance_limits WHERE server = ?", server).
		Scan(&maxChars, &urlLength, &learned)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, time.Time{}, false, nil
	}
	if err != nil {
		return 0, 0, time.Time{}, false, classify(s.path, "read instance limits of "+server, err)
	}
	return maxChars, urlLength, time.Unix(0, learned), true, nil
}

// SetInstanceLimits keeps the limits learned from server at at.
func (s *Store) SetInstanceLimits(ctx context.Context, server string, maxChars, urlLength int, at time.Time) error {
	err := s.exec(ctx, `INSERT INTO instance_limits (server, max_chars, url_length, learned_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (server) DO UPDATE SET max_chars = excluded.max_chars, url_length = excluded.url_length,
		learned_at = excluded.learned_at`, server, maxChars, urlLength, at.UnixNano())
	return classify(s.path, "save instance limits of "+server, err)
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// InstanceLimits returns what was last learned from server (a Mastodon
// instance's max_characters, characters_reserved_per_url and the version
// it reports, which tells whether it honours Idempotency-Key) and when; ok
// is false when nothing was.
func (s *Store) InstanceLimits(ctx context.Context, server string) (maxChars, urlLength int, version string, at time.Time, ok bool, err error) {
	var learned int64
	err = s.db.QueryRowContext(ctx, "SELECT max_chars, url_length, version, learned_at FROM instance_limits WHERE server = ?", server).
		Scan(&maxChars, &urlLength, &version, &learned)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, "", time.Time{}, false, nil
	}
	if err != nil {
		return 0, 0, "", time.Time{}, false, classify(s.path, "read instance limits of "+server, err)
	}
	return maxChars, urlLength, version, time.Unix(0, learned), true, nil
}

// SetInstanceLimits keeps what was learned from server at at.
func (s *Store) SetInstanceLimits(ctx context.Context, server string, maxChars, urlLength int, version string, at time.Time) error {
	err := s.exec(ctx, `INSERT INTO instance_limits (server, max_chars, url_length, version, learned_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (server) DO UPDATE SET max_chars = excluded.max_chars, url_length = excluded.url_length,
		version = excluded.version, learned_at = excluded.learned_at`, server, maxChars, urlLength, version, at.UnixNano())
	return classify(s.path, "save instance limits of "+server, err)
}

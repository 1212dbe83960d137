package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order; PRAGMA user_version records how many have
// run. Append new ones; never edit one that has shipped.
var migrations = []func(context.Context, *sql.Tx) error{
	migrate1,
	migrate2,
	migrate3,
	migrate4,
}

// SchemaVersion is the schema version this build writes.
var SchemaVersion = len(migrations)

func migrate1(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE TABLE articles (
	id         TEXT PRIMARY KEY,
	source     TEXT NOT NULL,
	hash       TEXT NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	url        TEXT NOT NULL DEFAULT '',
	published  INTEGER,
	first_seen INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	seen_only  INTEGER NOT NULL DEFAULT 0 CHECK (seen_only IN (0, 1)),
	data       TEXT NOT NULL
) STRICT;
CREATE INDEX articles_by_source ON articles (source, published);

CREATE TABLE posts (
	id              INTEGER PRIMARY KEY,
	article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	account         TEXT NOT NULL,
	state           TEXT NOT NULL CHECK (state IN ('pending', 'posting', 'posted', 'failed', 'skipped')),
	attempts        INTEGER NOT NULL DEFAULT 0,
	idempotency_key TEXT NOT NULL,
	article_hash    TEXT NOT NULL DEFAULT '',
	post            TEXT NOT NULL,
	receipt_id      TEXT NOT NULL DEFAULT '',
	url             TEXT NOT NULL DEFAULT '',
	last_error      TEXT NOT NULL DEFAULT '',
	note            TEXT NOT NULL DEFAULT '',
	owner           TEXT NOT NULL DEFAULT '',
	claimed_at      INTEGER,
	next_attempt_at INTEGER,
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL,
	posted_at       INTEGER,
	UNIQUE (article_id, account)
) STRICT;
CREATE INDEX posts_by_time ON posts (updated_at DESC, id DESC);
CREATE INDEX posts_by_account_time ON posts (account, updated_at DESC, id DESC);
CREATE INDEX posts_due ON posts (state, next_attempt_at);

CREATE TABLE feed_state (
	source        TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	first_polled  INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE schedule_runs (
	schedule TEXT PRIMARY KEY,
	last_run INTEGER NOT NULL
) STRICT;

CREATE TABLE tokens (
	account    TEXT PRIMARY KEY,
	token      TEXT NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
`)
	return err
}

// migrate brings the schema to SchemaVersion, one transaction per step, so a
// failure leaves the file at the last complete version.
func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return classify(s.path, "read schema version", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("state %s: schema version %d is newer than this hookline understands (%d); upgrade hookline", s.path, v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		err := s.tx(ctx, fmt.Sprintf("migrate to schema %d", i+1), func(tx *sql.Tx) error {
			// Another process may have migrated while we waited for the lock.
			var now int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
				return err
			}
			if now > i {
				return nil
			}
			if err := migrations[i](ctx, tx); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Version returns the schema version recorded in the file.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, classify(s.path, "read schema version", err)
}

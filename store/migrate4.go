package store

import (
	"context"
	"database/sql"
)

// migrate4 makes room for the review queue and re-shares.
//
// Posts gain the states a person moves them through (review, approved,
// held: see review.go), the schedule that wrote them, when a post under
// review is approved on its own (auto_approve_after), when its text was
// last edited by hand, and a share number: 0 for an article's first post to
// an account, 1, 2, … for each re-share, which is a row of its own with a
// key of its own, pointing at the first (reshare_of). SQLite cannot change a
// table's CHECK or UNIQUE constraints in place, so posts is rebuilt, keeping
// every row and its id (the short id people type).
//
// Articles gain two columns the candidates query filters on: draft (front
// matter draft: true, never posted) and embargo (not posted before it).
// Older rows had neither, so they default to "not a draft, no embargo".
func migrate4(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE TABLE posts_v4 (
	id              INTEGER PRIMARY KEY,
	article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	account         TEXT NOT NULL,
	share           INTEGER NOT NULL DEFAULT 0 CHECK (share >= 0),
	reshare_of      INTEGER,
	state           TEXT NOT NULL CHECK (state IN ('pending', 'review', 'approved', 'held', 'posting', 'posted', 'failed', 'skipped')),
	attempts        INTEGER NOT NULL DEFAULT 0,
	idempotency_key TEXT NOT NULL,
	article_hash    TEXT NOT NULL DEFAULT '',
	post            TEXT NOT NULL,
	receipt_id      TEXT NOT NULL DEFAULT '',
	url             TEXT NOT NULL DEFAULT '',
	last_error      TEXT NOT NULL DEFAULT '',
	note            TEXT NOT NULL DEFAULT '',
	owner           TEXT NOT NULL DEFAULT '',
	schedule        TEXT NOT NULL DEFAULT '',
	claimed_at      INTEGER,
	next_attempt_at INTEGER,
	auto_approve_at INTEGER,
	edited_at       INTEGER,
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL,
	posted_at       INTEGER,
	UNIQUE (article_id, account, share)
) STRICT;
INSERT INTO posts_v4 (id, article_id, account, state, attempts, idempotency_key, article_hash, post, receipt_id, url,
	last_error, note, owner, claimed_at, next_attempt_at, created_at, updated_at, posted_at)
SELECT id, article_id, account, state, attempts, idempotency_key, article_hash, post, receipt_id, url,
	last_error, note, owner, claimed_at, next_attempt_at, created_at, updated_at, posted_at FROM posts;
DROP TABLE posts;
ALTER TABLE posts_v4 RENAME TO posts;
CREATE INDEX posts_by_time ON posts (updated_at DESC, id DESC);
CREATE INDEX posts_by_account_time ON posts (account, updated_at DESC, id DESC);
CREATE INDEX posts_due ON posts (state, next_attempt_at);

ALTER TABLE articles ADD COLUMN draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0, 1));
ALTER TABLE articles ADD COLUMN embargo INTEGER;
`)
	return err
}

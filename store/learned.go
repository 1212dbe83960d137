package store

import (
	"context"
	"database/sql"
	"regexp"
)

// The tables of what sources and networks tell along the way — each
// source's last poll, error and backfill, the feed pages read, the limits
// a network told, who each account posts as by its config and by the
// network's word — are created when a state
// file is opened, with CREATE TABLE IF NOT EXISTS, rather than by a
// numbered migration: a file of schema 4 written before they existed gets
// them without a schema change, and a release before them reads the file as
// it did. None of them decides whether a post was made; that stays in
// posts. (account_identity and account_self only say which name holds an
// account's posts: lost, they are learned again at the next open, and only
// a rename made before then goes unseen; see adopt.go and self.go.)
const learnedTables = `
CREATE TABLE IF NOT EXISTS source_stats (
	source        TEXT PRIMARY KEY,
	last_poll     INTEGER,
	last_error    TEXT NOT NULL DEFAULT '',
	last_error_at INTEGER,
	backfill      INTEGER,
	whole_since   INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS page_cache (
	article_id    TEXT PRIMARY KEY,
	url           TEXT NOT NULL,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	item_hash     TEXT NOT NULL DEFAULT '',
	article       TEXT NOT NULL DEFAULT '',
	error         TEXT NOT NULL DEFAULT '',
	checked_at    INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS instance_limits (
	server     TEXT PRIMARY KEY,
	max_chars  INTEGER NOT NULL,
	url_length INTEGER NOT NULL,
	learned_at INTEGER NOT NULL,
	version    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE IF NOT EXISTS account_identity (
	identity   TEXT PRIMARY KEY,
	account    TEXT NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS account_self (
	account    TEXT PRIMARY KEY,
	identity   TEXT NOT NULL,
	self       TEXT NOT NULL,
	learned_at INTEGER NOT NULL
) STRICT;
`

// learnedColumns are the columns added to a learned table after it was
// first released: a file whose table predates one gets it at open.
var learnedColumns = []struct{ table, column, def string }{
	{"instance_limits", "version", "TEXT NOT NULL DEFAULT ''"},
}

// learnedTableNames are the tables learnedTables creates.
var learnedTableNames = func() []string {
	var names []string
	for _, m := range regexp.MustCompile(`CREATE TABLE IF NOT EXISTS (\w+)`).FindAllStringSubmatch(learnedTables, -1) {
		names = append(names, m[1])
	}
	return names
}()

// hasLearned reports whether db already has every learned table and column,
// so that a file can be read without writing: a file written by a release
// before one of them is opened for writing once, to add it.
func hasLearned(ctx context.Context, db *sql.DB) (bool, error) {
	for _, t := range learnedTableNames {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", t).Scan(&n); err != nil || n == 0 {
			return false, err
		}
	}
	for _, c := range learnedColumns {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?", c.table, c.column).Scan(&n); err != nil || n == 0 {
			return false, err
		}
	}
	return true, nil
}

func (s *Store) createLearnedTables(ctx context.Context) error {
	if err := s.exec(ctx, learnedTables); err != nil {
		return classify(s.path, "create the tables of what is learned again", err)
	}
	for _, c := range learnedColumns {
		var n int
		err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?", c.table, c.column).Scan(&n)
		if err == nil && n == 0 {
			err = s.exec(ctx, "ALTER TABLE "+c.table+" ADD COLUMN "+c.column+" "+c.def)
		}
		if err != nil {
			return classify(s.path, "add column "+c.column+" to "+c.table, err)
		}
	}
	return nil
}

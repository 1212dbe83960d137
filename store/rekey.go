package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/hookline/hookline/article"
)

// Before schema 2 an article without a URL had "sha256:" and its content
// hash as its id, and an article with one had its URL as written. Schema 2
// moves URL ids to their canonical form when it migrates; content-hash ids
// cannot be moved then, because the store does not know the folder, path
// or feed GUID that names them now. Such a legacy row is adopted instead
// by the first article with the same content stored from the same source
// (or posted by hand): it takes the row's id over, with its posts, its
// first_seen and its seen_only mark, so nothing posted is posted again and
// a feed's back catalogue stays unposted.

// legacyIDPattern matches the content-hash ids written before schema 2; no
// id written since has this form.
const legacyIDPattern = "sha256:%"

// adoptLegacy moves the legacy row holding a's content from source (or
// from a hand post, with no source) to a's id, and reports whether there was one.
// A hand post adopts the row of any source.
func adoptLegacy(ctx context.Context, tx *sql.Tx, a *article.Article, source string) (bool, error) {
	var old string
	err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE id LIKE ? AND hash = ? AND (? = '' OR source IN (?, ''))
		ORDER BY source DESC LIMIT 1`, legacyIDPattern, a.Hash, source, source).Scan(&old)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, rekey(ctx, tx, old, a.ID, rowIDPaths)
}

// idPaths are the JSON paths of the article id in an article's data and in
// a post. They differ by format: migrate2 rewrites rows still in the format
// of schemas 1 and 2 (v2IDPaths); everything after, rows of the current
// format (rowIDPaths).
type idPaths struct{ article, post string }

// rekey renames the article old to new, which must not exist, with its
// posts: their rows and the article id inside each stored post, so that a
// post left posting by a crash is recorded under the new id when resent.
func rekey(ctx context.Context, tx *sql.Tx, old, new string, paths idPaths) error {
	// The posts still point at old until their update below; foreign keys
	// are checked at commit.
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET id = ?, data = json_set(data, ?, ?) WHERE id = ?", new, paths.article, new, old); err != nil {
		return err
	}
	return movePosts(ctx, tx, old, new, paths)
}

// movePosts moves the posts of article old to new, except for accounts new
// already has a post for; those stay with old.
func movePosts(ctx context.Context, tx *sql.Tx, old, new string, paths idPaths) error {
	_, err := tx.ExecContext(ctx, `UPDATE posts SET article_id = ?, post = json_set(post, ?, ?)
		WHERE article_id = ? AND account NOT IN (SELECT account FROM posts WHERE article_id = ?)`, new, paths.post, new, old, new)
	return err
}

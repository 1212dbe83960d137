package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/hookline/hookline/article"
)

// migrate2 moves to the stable article ids of issue 8 without posting
// again anything already posted:
//
//   - an article with a hook paragraph gets the content hash that counts the
//     hook (article.ContentHash), and so do the posts made of that version,
//     so that repost_edited sees no edit where there was none;
//   - an id that is a URL becomes the canonical URL (article.CanonicalURL).
//     When two old ids meet on one (http and https, utm variants), the row
//     that has it first keeps it — a row already at the canonical id, else
//     the most recently updated; the other's posts move to it for the
//     accounts it has none for, and the other is kept for history, marked
//     seen-only so it is never a candidate;
//   - content-hash ids stay; their rows are adopted by the articles that
//     bring the same content again (see rekey.go), and the feed validators
//     are forgotten so every feed is read in full once to do so; until then
//     they are no candidates. A hand post's stub row gets the hash its id
//     names;
//   - posts and articles are indexed by content hash, for adoption and for
//     the rule that the same content is not posted twice to an account
//     under two ids.
func migrate2(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `
CREATE INDEX posts_by_account_hash ON posts (account, article_hash);
CREATE INDEX articles_by_hash ON articles (hash);
-- A hand post's stub row has no content, but its content-hash id tells the
-- hash (the same since, unless the article has a hook).
UPDATE articles SET hash = substr(id, 8) WHERE id LIKE 'sha256:%' AND hash = '';
UPDATE posts SET article_hash = substr(article_id, 8) WHERE article_id LIKE 'sha256:%' AND article_hash = '';
`); err != nil {
		return err
	}
	type row struct{ id, hash, data string }
	var all []row
	rows, err := tx.QueryContext(ctx, "SELECT id, hash, data FROM articles ORDER BY updated_at DESC, id")
	if err != nil {
		return err
	}
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.hash, &r.data); err != nil {
			rows.Close()
			return err
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range all {
		if err := rehash(ctx, tx, r.id, r.hash, r.data); err != nil {
			return fmt.Errorf("article %s: %w", r.id, err)
		}
	}
	for _, r := range all {
		canon := article.CanonicalURL(r.id)
		if canon == "" || canon == r.id {
			continue
		}
		if err := moveToCanonical(ctx, tx, r.id, canon); err != nil {
			return fmt.Errorf("article %s: %w", r.id, err)
		}
	}
	_, err = tx.ExecContext(ctx, "UPDATE feed_state SET etag = '', last_modified = ''")
	return err
}

// rehash stores the hook-counting content hash of an article with a hook,
// on the article and on the posts made of the same version. The rows are
// still in the format of schemas 1 and 2 (articleV2).
func rehash(ctx context.Context, tx *sql.Tx, id, hash, data string) error {
	var v2 articleV2
	if err := json.Unmarshal([]byte(data), &v2); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	a := v2.row().article()
	if a.Hook == "" || hash == "" {
		return nil // unchanged by the hook, or a hand post's stub without content
	}
	h := a.ContentHash()
	if h == hash {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET hash = ?, data = json_set(data, '$.Hash', ?) WHERE id = ?", h, h, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE posts SET article_hash = ? WHERE article_id = ? AND article_hash = ?", h, id, hash)
	return err
}

// moveToCanonical renames the article old to its canonical URL id, or
// merges it into the article that already has that id.
func moveToCanonical(ctx context.Context, tx *sql.Tx, old, canon string) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE id = ?", canon).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return rekey(ctx, tx, old, canon, v2IDPaths)
	}
	if err := movePosts(ctx, tx, old, canon, v2IDPaths); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE articles SET seen_only = 1 WHERE id = ?", old)
	return err
}

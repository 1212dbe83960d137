package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// migrate3 rewrites the JSON kept in articles.data and posts.post from the
// format of schemas 1 and 2 — the JSON of article.Article and publish.Post,
// whose fields had no tags ("ID", "ArticleID", "IdempotencyKey") — to the
// tagged rows of rows.go, so that renaming a Go field no longer changes what
// a stored row means. A post left posting by a crash keeps its text and key
// and is resent as it was claimed.
//
// Every old row is decoded strictly: a key the old format has no field for
// fails the migration (and leaves the file at schema 2) rather than being
// dropped. A row already in the new format has no old id key and is left as
// it is, so the step can run again without changing anything.
func migrate3(ctx context.Context, tx *sql.Tx) error {
	// The old and new types have the same fields under other JSON names;
	// fromV2 copies them field by field, and TestMigrate3_KeepsEveryOldField
	// fails when an old field is not carried.
	// articleRow gained the fields of schema 4 (zero for every old row).
	articles := fromV2(articleV2.row)
	if err := rewriteJSON(ctx, tx, "articles", "data", "id", v2IDPaths.article, articles); err != nil {
		return err
	}
	// Post gained Share in schema 4 (0, the first post, for every old row).
	posts := fromV2(func(p postV2) Post {
		return Post{Account: p.Account, ArticleID: p.ArticleID, Text: p.Text, Link: p.Link, Hashtags: p.Hashtags, Lang: p.Lang,
			Title: p.Title, Description: p.Description, Image: p.Image, IdempotencyKey: p.IdempotencyKey}
	})
	return rewriteJSON(ctx, tx, "posts", "post", "article_id || ' × ' || account", v2IDPaths.post, posts)
}

// v2IDPaths are where the format of schemas 1 and 2 holds the article id;
// the new format has no key of these names (SQLite's JSON paths are
// case-sensitive), so they also tell an old row from a new one.
var v2IDPaths = idPaths{article: "$.ID", post: "$.ArticleID"}

// articleV2 is articles.data as schemas 1 and 2 wrote it: the JSON of
// article.Article at the time. It describes old files: never change it.
type articleV2 struct {
	ID         string    `json:"ID"`
	Source     string    `json:"Source"`
	URL        string    `json:"URL"`
	Title      string    `json:"Title"`
	Hook       string    `json:"Hook"`
	Paragraphs []string  `json:"Paragraphs"`
	Keywords   []string  `json:"Keywords"`
	Image      string    `json:"Image"`
	Lang       string    `json:"Lang"`
	Published  time.Time `json:"Published"`
	Hash       string    `json:"Hash"`
}

// row returns the article in the current format (the fields of schema 4
// zero).
func (a articleV2) row() articleRow {
	return articleRow{ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Hook: a.Hook, Paragraphs: a.Paragraphs,
		Keywords: a.Keywords, Image: a.Image, Lang: a.Lang, Published: a.Published, Hash: a.Hash}
}

// postV2 is posts.post as schemas 1 and 2 wrote it: the JSON of
// publish.Post at the time (its Attempt was never stored). It describes old
// files: never change it.
type postV2 struct {
	Account        string   `json:"Account"`
	ArticleID      string   `json:"ArticleID"`
	Text           string   `json:"Text"`
	Link           string   `json:"Link"`
	Hashtags       []string `json:"Hashtags"`
	Lang           string   `json:"Lang"`
	Title          string   `json:"Title"`
	Description    string   `json:"Description"`
	Image          string   `json:"Image"`
	IdempotencyKey string   `json:"IdempotencyKey"`
}

// fromV2 returns the rewrite of one old row by convert: the row is decoded
// strictly, failing on a key Old has no field for, so none is dropped.
func fromV2[Old, New any](convert func(Old) New) func(string) (string, error) {
	return func(data string) (string, error) {
		var old Old
		dec := json.NewDecoder(strings.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&old); err != nil {
			return "", fmt.Errorf("decode: %w", err)
		}
		out, err := json.Marshal(convert(old))
		if err != nil {
			return "", fmt.Errorf("encode: %w", err)
		}
		return string(out), nil
	}
}

// rewriteJSON replaces column col of each row of table that has a value at
// oldIDPath (an old-format row) by convert's result. name is an SQL
// expression naming the row in errors.
func rewriteJSON(ctx context.Context, tx *sql.Tx, table, col, name, oldIDPath string, convert func(string) (string, error)) error {
	type row struct {
		rowid      int64
		name, data string
	}
	var old []row
	rows, err := tx.QueryContext(ctx, fmt.Sprintf("SELECT rowid, %s, %s FROM %s WHERE json_type(%s, ?) IS NOT NULL", name, col, table, col), oldIDPath)
	if err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.rowid, &r.name, &r.data); err != nil {
			rows.Close()
			return fmt.Errorf("%s: %w", table, err)
		}
		old = append(old, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	for _, r := range old {
		data, err := convert(r.data)
		if err != nil {
			return fmt.Errorf("%s %s: %w", table, r.name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("UPDATE %s SET %s = ? WHERE rowid = ?", table, col), data, r.rowid); err != nil {
			return fmt.Errorf("%s %s: %w", table, r.name, err)
		}
	}
	return nil
}

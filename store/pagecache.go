package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/hookline/hookline/article"
)

// CachedPage is the page of a feed item as it was last fetched: the
// article read from it (not the HTML, which is larger and read again for
// nothing), its validators for a conditional fetch, the hash of the item it
// was fetched for, and the error of the last fetch that failed.
type CachedPage struct {
	// ID is the id of the feed item's article, which keys the cache.
	ID string
	// URL is the page's address as the feed item links it.
	URL string
	// ETag and LastModified are the page's validators; empty when unknown.
	ETag, LastModified string
	// ItemHash is the content hash of the feed item the page was last
	// fetched (or deferred) for: an item that did not change is not fetched
	// again.
	ItemHash string
	// Article is what was read from the page; nil when no fetch succeeded
	// yet (it failed, or was deferred for an item marked seen).
	Article *article.Article
	// Error is the last failed fetch's error, already logged once; empty
	// after a success.
	Error string
	// CheckedAt is when the page was last fetched or tried.
	CheckedAt time.Time
}

// CachedPage returns the cached page of the article with this id and true,
// or false when none.
func (s *Store) CachedPage(ctx context.Context, id string) (CachedPage, bool, error) {
	p := CachedPage{ID: id}
	var (
		data    string
		checked int64
	)
	err := s.db.QueryRowContext(ctx, `SELECT url, etag, last_modified, item_hash, article, error, checked_at
		FROM page_cache WHERE article_id = ?`, id).Scan(&p.URL, &p.ETag, &p.LastModified, &p.ItemHash, &data, &p.Error, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, classify(s.path, "read cached page of "+id, err)
	}
	p.CheckedAt = time.Unix(0, checked).UTC()
	if data != "" {
		if p.Article, err = decodeArticle(id, data); err != nil {
			return p, false, err
		}
	}
	return p, true, nil
}

// SaveCachedPage stores p, replacing what was cached for its article id; a page
// without an article keeps the article cached before, so a failed fetch
// does not lose the last good one.
func (s *Store) SaveCachedPage(ctx context.Context, p CachedPage) error {
	data := ""
	if p.Article != nil {
		var err error
		if data, err = encodeArticle(p.Article); err != nil {
			return err
		}
	}
	err := s.exec(ctx, `INSERT INTO page_cache (article_id, url, etag, last_modified, item_hash, article, error, checked_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET url = excluded.url, etag = excluded.etag,
		last_modified = excluded.last_modified, item_hash = excluded.item_hash,
		article = CASE WHEN excluded.article = '' THEN page_cache.article ELSE excluded.article END,
		error = excluded.error, checked_at = excluded.checked_at`,
		p.ID, p.URL, p.ETag, p.LastModified, p.ItemHash, data, p.Error, s.Now().UnixNano())
	return classify(s.path, "cache page of "+p.ID, err)
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hookline/hookline/article"
)

// UpsertResult says what UpsertArticle did.
type UpsertResult int

// UpsertArticle outcomes.
const (
	// Unchanged: the article was stored with the same content hash.
	Unchanged UpsertResult = iota
	// New: the article was not stored before.
	New
	// Changed: the article was stored with another content hash (edited).
	Changed
)

// String returns "new", "changed" or "unchanged", for logs.
func (r UpsertResult) String() string {
	switch r {
	case New:
		return "new"
	case Changed:
		return "changed"
	}
	return "unchanged"
}

// UpsertArticle stores a under the configured source name (empty for an
// article posted by hand, which no schedule draws from). A new article is
// inserted (seenOnly marks it seen but never to be posted, for a new feed's
// back catalogue); an edited one (other hash) has its content replaced while
// first_seen and seen_only are kept. a must have been finished (ID, Hash).
func (s *Store) UpsertArticle(ctx context.Context, source string, a *article.Article, seenOnly bool) (UpsertResult, error) {
	now := s.Now()
	if a == nil || a.ID == "" || a.Hash == "" {
		return 0, fmt.Errorf("state %s: upsert article: article has no id or hash (call Finish)", s.path)
	}
	data, err := encodeArticle(a)
	if err != nil {
		return 0, fmt.Errorf("state %s: %w", s.path, err)
	}
	var res UpsertResult
	err = s.tx(ctx, "store article "+a.ID, func(tx *sql.Tx) error {
		var hash, stored, storedData string
		err := tx.QueryRowContext(ctx, "SELECT hash, source, data FROM articles WHERE id = ?", a.ID).Scan(&hash, &stored, &storedData)
		adopted := false
		if errors.Is(err, sql.ErrNoRows) {
			if adopted, err = adoptLegacy(ctx, tx, a, source); err != nil {
				return err
			}
			if !adopted {
				res = New
				_, err = tx.ExecContext(ctx, `INSERT INTO articles
				(id, source, hash, title, url, published, first_seen, updated_at, seen_only, data, draft, embargo)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					a.ID, source, a.Hash, a.Title, a.URL, nanos(a.Published), now.UnixNano(), now.UnixNano(), seenOnly, data,
					a.Draft, nanos(a.Embargo))
				return err
			}
			hash = a.Hash // the adopted row holds this content
		}
		if err != nil {
			return err
		}
		// What the article says about itself is not part of its content
		// hash (releasing a draft or lifting an embargo is no edit), so it
		// is stored whether or not the content changed.
		if hash == a.Hash && !adopted && storedData != "" {
			if err := updateSelfDescription(ctx, tx, a, storedData, data); err != nil {
				return err
			}
		}
		if hash == a.Hash {
			res = Unchanged
			// A row from a hand post (no source) joins the source that
			// found it, so other accounts get it from the schedules. Most
			// unchanged rows already have their source: no write then.
			if adopted || stored == "" && source != "" {
				_, err = tx.ExecContext(ctx, "UPDATE articles SET source = ? WHERE id = ? AND source = ''", source, a.ID)
			}
			return err
		}
		res = Changed
		_, err = tx.ExecContext(ctx, `UPDATE articles SET hash = ?, title = ?, url = ?, published = ?, updated_at = ?, data = ?,
			draft = ?, embargo = ?, source = CASE WHEN source = '' THEN ? ELSE source END WHERE id = ?`,
			a.Hash, a.Title, a.URL, nanos(a.Published), now.UnixNano(), data, a.Draft, nanos(a.Embargo), source, a.ID)
		return err
	})
	return res, err
}

// updateSelfDescription stores what an unchanged article says about itself
// (draft, embargo, teaser, hashtags) when that changed: it is not part of
// the content hash, since releasing a draft or lifting an embargo is no
// edit. Most polls change nothing, and write nothing.
func updateSelfDescription(ctx context.Context, tx *sql.Tx, a *article.Article, storedData, data string) error {
	old, err := decodeArticle(a.ID, storedData)
	if err != nil {
		return err
	}
	if old.Draft == a.Draft && old.Embargo.Equal(a.Embargo) && old.Teaser == a.Teaser && slices.Equal(old.Hashtags, a.Hashtags) {
		return nil
	}
	_, err = tx.ExecContext(ctx, "UPDATE articles SET draft = ?, embargo = ?, data = ? WHERE id = ?", a.Draft, nanos(a.Embargo), data, a.ID)
	return err
}

// Article returns the stored article with this id, or an error wrapping
// ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (*article.Article, error) {
	var data string
	err := s.db.QueryRowContext(ctx, "SELECT data FROM articles WHERE id = ?", id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("state %s: article %s: %w", s.path, id, ErrNotFound)
	}
	if err != nil {
		return nil, classify(s.path, "read article "+id, err)
	}
	return decodeArticle(id, data)
}

// Candidate orders.
const (
	OrderNewest = "newest"
	OrderOldest = "oldest"
	OrderRandom = "random"
)

// CandidateQuery selects articles a schedule may post to one account.
type CandidateQuery struct {
	// Sources are the configured source names to draw from; empty means all.
	Sources []string
	// Account is the account the post is for.
	Account string
	// Order is newest (default), oldest or random, by publication time (first
	// seen when unknown).
	Order string
	// MaxAge drops articles published (or first seen) longer ago than this
	// before Now; zero keeps all.
	MaxAge time.Duration
	// Now is the reference time for MaxAge, embargoes and dates (and
	// reshare_after); zero for the Store's clock.
	Now time.Time
	// Limit caps the result; zero or less means 1.
	Limit int
	// RepostEdited also returns articles already posted to Account whose
	// content changed since.
	RepostEdited bool
}

func (q CandidateQuery) now(s *Store) time.Time {
	if q.Now.IsZero() {
		return s.Now()
	}
	return q.Now
}

// eligible returns the conditions (on articles a) every article a
// schedule may post passes, new or shared again, with their arguments.
func eligible(q CandidateQuery, now time.Time) (where []string, args []any) {
	// Stub rows (source '') come from posts made by hand with `hookline
	// post`: they hold no article to tease until a source stores it.
	where = append(where, "a.seen_only = 0", "a.source <> ''")
	// A draft is never posted; an embargoed article or one dated in the
	// future not before its time.
	where = append(where, "a.draft = 0", "(a.embargo IS NULL OR a.embargo <= ?)", "(a.published IS NULL OR a.published <= ?)")
	args = append(args, now.UnixNano(), now.UnixNano())
	// A row from before schema 2 is posted only once an article with the
	// same content adopts it (rekey.go): its id may name a version that no
	// source holds any more.
	where = append(where, "a.id NOT LIKE '"+legacyIDPattern+"'")
	if len(q.Sources) > 0 {
		where = append(where, "a.source IN (?"+strings.Repeat(", ?", len(q.Sources)-1)+")")
		for _, src := range q.Sources {
			args = append(args, src)
		}
	}
	return where, args
}

// Candidates returns articles from q.Sources that have no post row for
// q.Account (or, with RepostEdited, one for an older version), whose
// content was not posted to q.Account under another id, and that are not
// seen-only.
func (s *Store) Candidates(ctx context.Context, q CandidateQuery) ([]*article.Article, error) {
	now := q.now(s)
	where, args := eligible(q, now)
	// The same content already posted to the account under another id (a
	// copy of a file posted by hand, a row from before schema 2) is not
	// posted again.
	where = append(where, "NOT EXISTS (SELECT 1 FROM posts p WHERE p.account = ? AND p.article_hash = a.hash AND p.article_id <> a.id)")
	args = append(args, q.Account)
	if q.RepostEdited {
		where = append(where, `NOT EXISTS (SELECT 1 FROM posts p WHERE p.article_id = a.id AND p.account = ?
			AND (p.article_hash = a.hash OR p.state NOT IN ('posted', 'skipped', 'failed') OR (p.state = 'failed' AND p.next_attempt_at IS NOT NULL)))`)
	} else {
		where = append(where, "NOT EXISTS (SELECT 1 FROM posts p WHERE p.article_id = a.id AND p.account = ?)")
	}
	args = append(args, q.Account)
	if q.MaxAge > 0 {
		where = append(where, "COALESCE(a.published, a.first_seen) >= ?")
		args = append(args, now.Add(-q.MaxAge).UnixNano())
	}
	order := "COALESCE(a.published, a.first_seen) DESC, a.id"
	switch q.Order {
	case "", OrderNewest:
	case OrderOldest:
		order = "COALESCE(a.published, a.first_seen) ASC, a.id"
	case OrderRandom:
		order = "random()"
	default:
		return nil, fmt.Errorf("candidates: unknown order %q; use newest, oldest or random", q.Order)
	}
	limit := max(q.Limit, 1)
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, "SELECT a.id, a.data FROM articles a WHERE "+strings.Join(where, " AND ")+
		" ORDER BY "+order+" LIMIT ?", args...)
	if err != nil {
		return nil, classify(s.path, "select candidates", err)
	}
	defer rows.Close()
	var out []*article.Article
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, classify(s.path, "select candidates", err)
		}
		a, err := decodeArticle(id, data)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, classify(s.path, "select candidates", rows.Err())
}

package store

import (
	"context"
	"strings"
	"time"

	"github.com/hookline/hookline/article"
)

// Reshare is an article due to be shared again with an account.
type Reshare struct {
	Article *article.Article
	// Share is the new post's number: 1 for the first re-share.
	Share int
	// Texts are the texts of the article's earlier posts to the account;
	// the new post must not repeat one.
	Texts []string
}

// ReshareCandidates returns up to q.Limit articles of q.Sources posted to
// q.Account whose latest post (or a person's skip of one) is older than
// after at q.Now, with no post to the account waiting, in flight or due for
// a retry: evergreen articles coming back (reshare_after). What any post
// must pass (no draft, no embargo, from q.Sources) is Candidates' rule
// (eligible). The longest unshared come first.
func (s *Store) ReshareCandidates(ctx context.Context, q CandidateQuery, after time.Duration) ([]Reshare, error) {
	now := q.now(s)
	where, args := eligible(q, now)
	where = append(where, "EXISTS (SELECT 1 FROM posts p WHERE p.article_id = a.id AND p.account = ? AND p.state = 'posted')",
		`NOT EXISTS (SELECT 1 FROM posts p WHERE p.article_id = a.id AND p.account = ? AND (
			p.state NOT IN ('posted', 'skipped', 'failed') OR (p.state = 'failed' AND p.next_attempt_at IS NOT NULL)
			OR COALESCE(p.posted_at, p.updated_at) > ?))`)
	args = append(args, q.Account, q.Account, now.Add(-after).UnixNano(), q.Account, max(q.Limit, 1))
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.data FROM articles a WHERE `+strings.Join(where, " AND ")+`
		ORDER BY (SELECT MAX(COALESCE(p.posted_at, p.updated_at)) FROM posts p WHERE p.article_id = a.id AND p.account = ?), a.id LIMIT ?`, args...)
	if err != nil {
		return nil, classify(s.path, "select re-shares", err)
	}
	var arts []*article.Article
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			rows.Close()
			return nil, classify(s.path, "select re-shares", err)
		}
		a, err := decodeArticle(id, data)
		if err != nil {
			rows.Close()
			return nil, err
		}
		arts = append(arts, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(s.path, "select re-shares", err)
	}
	out := make([]Reshare, 0, len(arts))
	for _, a := range arts {
		r, err := s.NextShare(ctx, a.ID, q.Account)
		if err != nil {
			return nil, err
		}
		r.Article = a
		out = append(out, r)
	}
	return out, nil
}

// NextShare returns the number the next post of articleID to account
// takes (0 when it has none) and the texts of those it has, for a
// re-share made by hand (hookline post --again) or by a schedule.
func (s *Store) NextShare(ctx context.Context, articleID, account string) (Reshare, error) {
	recs, err := s.Shares(ctx, articleID, account)
	if err != nil {
		return Reshare{}, err
	}
	var r Reshare
	for _, rec := range recs {
		r.Share = max(r.Share, rec.Share+1)
		if rec.Post.Text != "" {
			r.Texts = append(r.Texts, rec.Post.Text)
		}
	}
	return r, nil
}

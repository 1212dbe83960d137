package store

import (
	"context"
	"time"
)

// CountPosted returns how many of account's posts were accepted by the
// network at or after since: posted rows (including those the network
// answered as duplicates, which may stand for a post a crash left
// unrecorded) by their posted time. The X publisher counts against its
// daily and monthly caps with it.
func (s *Store) CountPosted(ctx context.Context, account string, since time.Time) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM posts
		WHERE account = ? AND state = 'posted' AND posted_at >= ?`, account, since.UnixNano()).Scan(&n)
	return n, classify(s.path, "count posts of "+account, err)
}

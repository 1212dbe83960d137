package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The review queue: what a person does to a post before it goes out.
//
// A schedule with review: approve does not send at a fire: it writes each
// post and stores it (Propose) as Review. From there:
//
//	review            --Approve-->  approved   (also AutoApprove at AutoApproveAt)
//	review, held      --Approve-->  approved
//	review, approved, pending --Hold--> held
//	failed            --Hold----->  held       (its retries stop; Approve resends it with its key)
//	review, approved, held, failed, pending --SkipPost--> skipped
//	failed            --Retry---->  failed, due now (same text, same key)
//	review, approved, held, never sent --Edit--> same state, new text
//	approved          --Claim---->  posting --Record--> posted | failed
//
// Every transition is one immediate transaction that reads the row and
// changes it only from the states listed, so two people (or a person and
// a fire) acting at once serialise: one wins, the other finds the new
// state. Doing the same thing twice is not an error (approving an approved,
// or already sent, post changes nothing); anything else from a state not listed is refused
// with a StateError naming the post and what to do. A post being sent
// (posting) or sent (posted) cannot be held, skipped or edited: it goes
// out, or went out, once.

// ErrState means an action is not allowed in the post's current state; the
// StateError that wraps it says which and what to do.
var ErrState = errors.New("not allowed in this state")

// StateError is an action refused because of the post's state.
type StateError struct {
	// ID is the post's short id; Action what was asked ("hold", "edit").
	ID     int64
	Action string
	// State is the state the post is in.
	State State
	// Hint says what to do instead.
	Hint string
}

// Error returns one line: "post 12 is posted: cannot hold it; …".
func (e *StateError) Error() string {
	msg := fmt.Sprintf("post %s is %s: cannot %s it", FormatID(e.ID), e.State, e.Action)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

// Unwrap returns ErrState.
func (e *StateError) Unwrap() error { return ErrState }

// FormatID returns a post's short id as people type it: its row number.
func FormatID(id int64) string { return strconv.FormatInt(id, 10) }

// ParseID reads a short id as FormatID writes it (a leading '#' is
// allowed, as people copy it from lists).
func ParseID(text string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(text), "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("post id %q: want the number hookline queue shows, such as 12", text)
	}
	return id, nil
}

// Change is the outcome of a person's action on one post.
type Change struct {
	// Before is the post's state before the action.
	Before State
	// Post is the row afterwards.
	Post PostRecord
	// Changed is false when the action found the post as it asked
	// (approving an approved post).
	Changed bool
}

// Proposal is one post written at a fire of a schedule with review:
// approve, for Propose.
type Proposal struct {
	// Post is the fitted post (networks.PostFor), its IdempotencyKey set.
	Post Post
	// Schedule names the schedule whose fire wrote it; an approved post
	// goes out at that schedule's next fire.
	Schedule string
	// AutoApproveAt approves the post on its own when no one held it by
	// then (auto_approve_after); zero for never.
	AutoApproveAt time.Time
}

// Propose stores each proposal as a post under review, in one
// transaction, and returns the rows in order. An article × account (share)
// that already has a row keeps it as it is — a person's edit or decision is
// never overwritten by a later fire — and that row is returned.
func (s *Store) Propose(ctx context.Context, now time.Time, props []Proposal) ([]PostRecord, error) {
	props = slices.Clone(props)
	for i := range props {
		props[i].Post.Account = s.current(props[i].Post.Account)
	}
	for _, pr := range props {
		if p := pr.Post; p.ArticleID == "" || p.Account == "" || p.IdempotencyKey == "" {
			return nil, fmt.Errorf("state %s: propose: post needs article id, account and idempotency key", s.path)
		}
	}
	out := make([]PostRecord, len(props))
	now = now.UTC()
	err := s.tx(ctx, fmt.Sprintf("propose %d posts for review", len(props)), func(tx *sql.Tx) error {
		for i, pr := range props {
			p := pr.Post
			if err := articleStub(ctx, tx, p, now); err != nil {
				return err
			}
			data, err := encodePost(p)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO posts (article_id, account, share, reshare_of, state, idempotency_key,
				article_hash, post, schedule, auto_approve_at, created_at, updated_at)
				VALUES (?, ?, ?, `+reshareOf+`, 'review', ?, (SELECT hash FROM articles WHERE id = ?), ?, ?, ?, ?, ?)
				ON CONFLICT (article_id, account, share) DO NOTHING`,
				p.ArticleID, p.Account, p.Share, p.Share, p.ArticleID, p.Account, p.IdempotencyKey, p.ArticleID, data,
				pr.Schedule, nanos(pr.AutoApproveAt), now.UnixNano(), now.UnixNano())
			if err != nil {
				return err
			}
			r, err := scanPost(tx.QueryRowContext(ctx, "SELECT "+postColumns+postFrom+" WHERE p.article_id = ? AND p.account = ? AND p.share = ?",
				p.ArticleID, p.Account, p.Share))
			if err != nil {
				return err
			}
			out[i] = r
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PostByID returns the post with this short id, or an error wrapping
// ErrNotFound that names the id.
func (s *Store) PostByID(ctx context.Context, id int64) (PostRecord, error) {
	r, err := scanPost(s.db.QueryRowContext(ctx, "SELECT "+postColumns+postFrom+" WHERE p.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, notFound(id)
	}
	return r, classify(s.path, "read post "+FormatID(id), err)
}

func notFound(id int64) error {
	return fmt.Errorf("post %s: %w; hookline queue lists the posts waiting", FormatID(id), ErrNotFound)
}

// QueueStates are the states of posts not yet done, which Queue lists by
// default: what goes out next, or waits for a person.
var QueueStates = []State{Posting, Approved, Review, Held, Pending, Failed}

// QueueFilter narrows Queue. The zero value lists every post not yet done.
type QueueFilter struct {
	// Account and Schedule keep only this account's or schedule's posts;
	// empty keeps all.
	Account, Schedule string
	// States keeps only these states; empty means QueueStates.
	States []State
	// Limit caps the rows; zero or less means 1,000.
	Limit int
}

// Queue returns the posts not yet done (see QueueStates), oldest first.
func (s *Store) Queue(ctx context.Context, f QueueFilter) ([]PostRecord, error) {
	states := f.States
	if len(states) == 0 {
		states = QueueStates
	}
	q := "SELECT " + postColumns + postFrom + " WHERE p.state IN (?" + strings.Repeat(", ?", len(states)-1) + ")"
	var args []any
	for _, st := range states {
		args = append(args, string(st))
	}
	if f.Account != "" {
		q += " AND p.account = ?"
		args = append(args, f.Account)
	}
	if f.Schedule != "" {
		q += " AND p.schedule = ?"
		args = append(args, f.Schedule)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 1000
	}
	q += " ORDER BY p.created_at, p.id LIMIT ?"
	args = append(args, limit)
	return s.queryPosts(ctx, "read queue", q, args...)
}

// Shares returns every post of articleID to account, the first (share 0)
// and its re-shares, in share order.
func (s *Store) Shares(ctx context.Context, articleID, account string) ([]PostRecord, error) {
	return s.queryPosts(ctx, "read shares of "+articleID, "SELECT "+postColumns+postFrom+
		" WHERE p.article_id = ? AND p.account = ? ORDER BY p.share", articleID, account)
}

// hints say what to do with a post in a state an action does not take.
var hints = map[State]string{
	Posting:  "it is being sent now and goes out once; see hookline history",
	Posted:   "it went out; hookline post ARTICLE --again shares the article again",
	Skipped:  "it was skipped and will not go out",
	Failed:   "it failed; hookline retry ID sends it again as it was",
	Review:   "approve it first",
	Held:     "approve it first",
	Approved: "it goes out at its schedule's next fire, or now with hookline approve --now ID",
	Pending:  "it goes out at its schedule's next fire",
}

// onPost runs fn on post id in one transaction. fn returns refuse (a
// StateError) to refuse the action, leaving the row as it was; that error,
// and a missing post's, are returned as they are, not wrapped in the state
// file's name: they name the post and what to do.
func (s *Store) onPost(ctx context.Context, id int64, action string, fn func(tx *sql.Tx, r PostRecord, ch *Change) (refuse error, err error)) (Change, error) {
	var (
		ch     Change
		refuse error
	)
	err := s.tx(ctx, action+" post "+FormatID(id), func(tx *sql.Tx) error {
		r, err := scanPost(tx.QueryRowContext(ctx, "SELECT "+postColumns+postFrom+" WHERE p.id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			refuse = notFound(id)
			return nil
		}
		if err != nil {
			return err
		}
		ch.Before, ch.Post = r.State, r
		if refuse, err = fn(tx, r, &ch); refuse != nil || err != nil || !ch.Changed {
			return err
		}
		ch.Post, err = scanPost(tx.QueryRowContext(ctx, "SELECT "+postColumns+postFrom+" WHERE p.id = ?", id))
		return err
	})
	if err != nil {
		return ch, err
	}
	return ch, refuse
}

func refusal(id int64, action string, st State, hint string) error {
	return &StateError{ID: id, Action: action, State: st, Hint: strings.ReplaceAll(hint, "ID", FormatID(id))}
}

// transition moves post id to state to when it is in one of from, with the
// extra assignments set (SQL, with args). A post already in to is returned
// unchanged.
func (s *Store) transition(ctx context.Context, id int64, action string, from []State, to State, set string, args ...any) (Change, error) {
	return s.onPost(ctx, id, action, func(tx *sql.Tx, r PostRecord, ch *Change) (error, error) {
		if r.State == to {
			return nil, nil
		}
		if !slices.Contains(from, r.State) {
			return refusal(id, action, r.State, hints[r.State]), nil
		}
		q := "UPDATE posts SET state = ?, updated_at = ?"
		if set != "" {
			q += ", " + set
		}
		q += " WHERE id = ? AND state = ?"
		all := append([]any{string(to), s.Now().UnixNano()}, args...)
		_, err := tx.ExecContext(ctx, q, append(all, id, string(r.State))...)
		ch.Changed = err == nil
		return nil, err
	})
}

// Approve approves post id, under review or held: it goes out at the next
// fire of its schedule (or when the caller sends it now through Claim).
// Approving a post that is approved, being sent or sent changes nothing
// and is no error: a second click finds the first one's work.
func (s *Store) Approve(ctx context.Context, id int64) (Change, error) {
	ch, err := s.transition(ctx, id, "approve", []State{Review, Held}, Approved, "auto_approve_at = NULL")
	if se := (*StateError)(nil); errors.As(err, &se) && (se.State == Posting || se.State == Posted) {
		return ch, nil
	}
	return ch, err
}

// Hold holds post id, under review, approved, pending or failed: it is neither sent
// nor approved on its own (a failed post's retries stop) until Approve. A
// post being sent or sent cannot be held.
func (s *Store) Hold(ctx context.Context, id int64) (Change, error) {
	return s.transition(ctx, id, "hold", []State{Review, Approved, Failed, Pending}, Held, "auto_approve_at = NULL, next_attempt_at = NULL")
}

// SkipPost decides that post id never goes out, with reason kept as its
// note. A post being sent or sent cannot be skipped.
func (s *Store) SkipPost(ctx context.Context, id int64, reason string) (Change, error) {
	return s.transition(ctx, id, "skip", []State{Review, Approved, Held, Failed, Pending}, Skipped,
		"note = ?, auto_approve_at = NULL, next_attempt_at = NULL", reason)
}

// noteRetry is the note of a failed post a person asked to retry, until it is
// claimed; the claim reports it as ByHand.
const noteRetry = "retry"

// Retry makes failed post id due now, whether its failure was permanent or
// its retry later: the daemon's next resume pass (or the caller, through
// Claim) sends the stored text under the same idempotency key, as a send a
// person asked for (Claim.ByHand).
func (s *Store) Retry(ctx context.Context, id int64) (Change, error) {
	return s.onPost(ctx, id, "retry", func(tx *sql.Tx, r PostRecord, ch *Change) (error, error) {
		if r.State != Failed {
			hint := hints[r.State]
			if r.State == Review || r.State == Held {
				hint = "approve it with hookline approve ID"
			}
			return refusal(id, "retry", r.State, hint), nil
		}
		now := s.Now().UnixNano()
		_, err := tx.ExecContext(ctx, "UPDATE posts SET next_attempt_at = ?, note = ?, updated_at = ? WHERE id = ? AND state = 'failed'",
			now, noteRetry, now, id)
		ch.Changed = err == nil
		return nil, err
	})
}

// editableStates are the states whose text a person may change: those of a
// post not yet sent.
var editableStates = []State{Review, Approved, Held}

// Editable reports whether Edit may change r's text: its state is one of
// a post not yet sent and no attempt was made.
func (r *PostRecord) Editable() bool {
	return slices.Contains(editableStates, r.State) && r.Attempts == 0
}

// Edit replaces the text, link and hashtags of post id by p's (the caller
// fits and checks them for the account's network first), keeping its
// state, key and everything else. Only a post never sent can be edited —
// under review, approved or held with no attempt — since a network may
// hold an earlier attempt under the same key. The text is stored, so it
// survives restarts and reloads, and is what Claim sends.
func (s *Store) Edit(ctx context.Context, id int64, p Post) (Change, error) {
	return s.onPost(ctx, id, "edit", func(tx *sql.Tx, r PostRecord, ch *Change) (error, error) {
		if !slices.Contains(editableStates, r.State) {
			return refusal(id, "edit", r.State, hints[r.State]), nil
		}
		if r.Attempts > 0 {
			return refusal(id, "edit", r.State, "an earlier attempt may have reached the network; skip it and post the article --again"), nil
		}
		np := r.Post
		np.Text, np.Link, np.Hashtags = p.Text, p.Link, p.Hashtags
		data, err := encodePost(np)
		if err != nil {
			return nil, err
		}
		now := s.Now().UnixNano()
		_, err = tx.ExecContext(ctx, "UPDATE posts SET post = ?, edited_at = ?, updated_at = ? WHERE id = ? AND state = ? AND attempts = 0",
			data, now, now, id, string(r.State))
		ch.Changed = err == nil
		return nil, err
	})
}

// AutoApprove approves every post under review whose AutoApproveAt is at
// or before now (auto_approve_after) and returns how many. A held post has
// no AutoApproveAt: holding it stops this.
func (s *Store) AutoApprove(ctx context.Context, now time.Time) (int, error) {
	var n int64
	err := s.tx(ctx, "auto-approve posts", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE posts SET state = 'approved', note = 'auto-approved', auto_approve_at = NULL, updated_at = ?
			WHERE state = 'review' AND auto_approve_at IS NOT NULL AND auto_approve_at <= ?`, now.UnixNano(), now.UnixNano())
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// Approved returns the approved posts of schedule (every schedule's when
// empty), oldest first: what its next fire sends, through Claim, which
// sends each stored post once whoever else claims it.
func (s *Store) Approved(ctx context.Context, schedule string) ([]PostRecord, error) {
	return s.Queue(ctx, QueueFilter{Schedule: schedule, States: []State{Approved}})
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
)

// Posts, tokens and everything else of an account are kept under its name
// in config.yaml, but what exactly-once is about is the real account behind
// the name: its identity (publish/networks.Identity: the kind and the
// account its config names, never a secret). account_identity remembers
// which name holds each identity's history, so that an entry renamed in
// config.yaml takes its history along instead of posting it all again,
// while a name whose credentials change (a rotated token) keeps its own.

// AdoptOptions tune AdoptIdentities. The zero value is the daemon's.
type AdoptOptions struct {
	// NotUnderDaemon refuses to move anything, with an error wrapping
	// ErrLocked, while a daemon holds the state file's lock (LockDaemon):
	// the daemon posts under the names of its own config until it reloads,
	// and would post again what was moved away from them. The commands set
	// it; the daemon adopts at each reload.
	NotUnderDaemon bool
}

// Adopted is an account renamed in the config whose history moved to its
// new name.
type Adopted struct {
	// From and To are the account's names before and now.
	From, To string
	// Posts counts the posts moved. Left counts those that stayed under
	// From because To already had a post of the same article (and share).
	Posts, Left int
}

// AdoptIdentities records who each configured account posts as and moves a
// renamed account's history to its new name, in one transaction. accounts
// maps every account name of the config to who it posts as: its config
// identity, "" when the config cannot tell, and the network's answer when
// it was asked (see self.go). A name whose identity is unknown keeps what
// it holds.
//
// A config identity not seen before is recorded under its name. One
// recorded under another name is the same real account renamed: everything
// kept under the old name moves to the new one — its posts, except each
// post of an article (and share) the new name already has, which stays
// under the old name (counted as Left), and its rotated token — and the
// identity points at the new name. So does an old name whose account, as
// the network said, is a configured name's, when the config no longer has
// the old name or the network now says it posts as another account: a
// rename whose credentials changed in the same edit, or an X account
// signed in with `hookline auth x`. A name whose identity changed (rotated
// credentials) otherwise keeps its history and forgets the old identity.
// Renames may chain (a to b, and a new a) or swap names.
//
// The moves are returned for the caller to log. Two names with one config
// identity are an error (config loading refuses them), and so, as a
// *SameAccountError, are two whose network answers match. See
// AdoptOptions for a command run beside a daemon.
//
// In this process, what is still done under a name renamed away that the
// config no longer has — a fire of the config before a reload, a post in
// flight — is recorded under the new name.
func (s *Store) AdoptIdentities(ctx context.Context, accounts map[string]AccountID, opts AdoptOptions) ([]Adopted, error) {
	byIdentity := map[string]string{}
	for _, name := range slices.Sorted(maps.Keys(accounts)) {
		id := accounts[name].Config
		if id == "" {
			continue
		}
		if other, ok := byIdentity[id]; ok {
			return nil, fmt.Errorf("state %s: accounts %s and %s post as one account; keep one", s.path, other, name)
		}
		byIdentity[id] = name
	}
	var (
		moves   map[string]string
		adopted []Adopted
	)
	err := s.tx(ctx, "adopt renamed accounts", func(tx *sql.Tx) error {
		held, err := heldIdentities(ctx, tx)
		if err != nil {
			return err
		}
		learned, err := learnedSelves(ctx, tx)
		if err != nil {
			return err
		}
		moves = renames(byIdentity, held)
		now, err := selves(accounts, learned, moves)
		if err != nil {
			return err
		}
		fresh := selfRenames(accounts, now, learned, moves)
		if len(moves) > 0 && opts.NotUnderDaemon {
			if err := s.noDaemon(moves); err != nil {
				return err
			}
		}
		if adopted, err = moveAccounts(ctx, tx, moves, fresh); err != nil {
			return err
		}
		at := s.Now().UnixNano()
		if err := recordSelves(ctx, tx, accounts, now, moves, at); err != nil {
			return err
		}
		return recordIdentities(ctx, tx, byIdentity, at)
	})
	if err != nil {
		return nil, err
	}
	s.followRenames(accounts, moves)
	return adopted, nil
}

// noDaemon refuses moves while a daemon runs on the state file. It is
// called in AdoptIdentities's transaction: a daemon starting meanwhile
// adopts once it commits.
func (s *Store) noDaemon(moves map[string]string) error {
	pid, err := s.daemonPID()
	if err != nil || pid == "" {
		return err
	}
	old := slices.Sorted(maps.Keys(moves))[0]
	return fmt.Errorf("state %s: %s is %s renamed in this config, but the daemon (pid %s) on this state file still runs a config without the rename "+
		"(%w): have it reload first (it does when its config file is saved, or on SIGHUP), then run this again", s.path, moves[old], old, pid, ErrLocked)
}

// heldIdentities maps each recorded identity to the name holding its
// history.
func heldIdentities(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT identity, account FROM account_identity")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	held := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		held[id] = name
	}
	return held, rows.Err()
}

// renames are the moves, old name to new, of the identities in byIdentity
// (identity → configured name) that held records under another name.
func renames(byIdentity, held map[string]string) map[string]string {
	moves := map[string]string{}
	for _, id := range slices.Sorted(maps.Keys(byIdentity)) {
		name := byIdentity[id]
		if old, ok := held[id]; ok && old != name && moves[old] == "" {
			moves[old] = name
		}
	}
	return moves
}

// parked is where moveAccounts keeps an old name's rows while names move.
// No account name has a NUL byte (config allows letters, digits, '-', '_'
// and '.').
func parked(name string) string { return "\x00renaming\x00" + name }

// moveAccounts moves the rows of each old name of moves to its new name.
// Every old name is emptied first, so that names may swap; then the moves
// run from the end of each chain, so that what stays under a name (posts
// the next name already had) is back under it before rows move into it. In
// a cycle every name is empty by then, so nothing stays and any order will
// do. A new name in fresh keeps a token it holds (see moveAccount).
func moveAccounts(ctx context.Context, tx *sql.Tx, moves map[string]string, fresh map[string]bool) ([]Adopted, error) {
	pending := slices.Sorted(maps.Keys(moves))
	for _, old := range pending {
		for _, q := range []string{"UPDATE posts SET account = ? WHERE account = ?", "UPDATE tokens SET account = ? WHERE account = ?"} {
			if _, err := tx.ExecContext(ctx, q, parked(old), old); err != nil {
				return nil, err
			}
		}
	}
	var out []Adopted
	for len(pending) > 0 {
		i := slices.IndexFunc(pending, func(old string) bool { return !slices.Contains(pending, moves[old]) })
		if i < 0 {
			i = 0 // only cycles are left
		}
		old := pending[i]
		pending = slices.Delete(pending, i, i+1)
		a, err := moveAccount(ctx, tx, old, moves[old], fresh[moves[old]])
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// moveAccount moves old's parked rows to new. A post of an article (and
// share) new already has goes back to old; the token replaces one new holds,
// which belonged to an account no longer configured — unless keepToken:
// new's token is then the same account's, newer (a sign-in under the new
// name), and old's is dropped.
func moveAccount(ctx context.Context, tx *sql.Tx, old, new string, keepToken bool) (Adopted, error) {
	a := Adopted{From: old, To: new}
	move := "UPDATE OR REPLACE tokens SET account = ? WHERE account = ?"
	if keepToken {
		move = "UPDATE OR IGNORE tokens SET account = ? WHERE account = ?"
	}
	if _, err := tx.ExecContext(ctx, move, new, parked(old)); err != nil {
		return a, err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM tokens WHERE account = ?", parked(old)); err != nil {
		return a, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE posts SET account = ?, post = json_set(post, '$.account', ?) WHERE account = ?
		AND NOT EXISTS (SELECT 1 FROM posts q WHERE q.article_id = posts.article_id AND q.account = ? AND q.share = posts.share)`,
		new, new, parked(old), new)
	if err != nil {
		return a, err
	}
	if a.Posts, err = affected(res); err != nil {
		return a, err
	}
	if res, err = tx.ExecContext(ctx, "UPDATE posts SET account = ? WHERE account = ?", old, parked(old)); err != nil {
		return a, err
	}
	a.Left, err = affected(res)
	return a, err
}

func affected(res sql.Result) (int, error) {
	n, err := res.RowsAffected()
	return int(n), err
}

// recordIdentities points each identity at its configured name, and drops
// what a configured name held under another identity.
func recordIdentities(ctx context.Context, tx *sql.Tx, byIdentity map[string]string, now int64) error {
	for _, id := range slices.Sorted(maps.Keys(byIdentity)) {
		name := byIdentity[id]
		if _, err := tx.ExecContext(ctx, "DELETE FROM account_identity WHERE account = ? AND identity <> ?", name, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO account_identity (identity, account, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (identity) DO UPDATE SET account = excluded.account, updated_at = excluded.updated_at
			WHERE account <> excluded.account`, id, name, now); err != nil {
			return err
		}
	}
	return nil
}

// followRenames points what this process still does under a name renamed
// away at its new name, unless the config has the old name again: the
// posts it has in flight, and what it claims, records, skips or proposes
// under the old name from now on (see current).
func (s *Store) followRenames(accounts map[string]AccountID, moves map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name := range accounts {
		delete(s.renamed, name)
	}
	for old, new := range moves {
		if _, ok := accounts[old]; !ok {
			s.renamed[old] = new
		}
	}
	var moved []flight
	for k := range s.inflight {
		if s.currentLocked(k.account) != k.account {
			moved = append(moved, k)
		}
	}
	for _, k := range moved {
		delete(s.inflight, k)
		k.account = s.currentLocked(k.account)
		s.inflight[k] = true
	}
}

// current is the name account's history is kept under now: account,
// unless AdoptIdentities moved it away in this process.
func (s *Store) current(account string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.currentLocked(account)
}

func (s *Store) currentLocked(account string) string {
	for range len(s.renamed) { // a chain of renames, a to b to c, is at most that long
		next, ok := s.renamed[account]
		if !ok {
			break
		}
		account = next
	}
	return account
}

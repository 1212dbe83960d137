package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// What a config says of its account (AccountID.Config) changes with its
// credentials, and says nothing for an X account signed in with `hookline
// auth x`; what the network says (AccountID.Self: the account's id there)
// does not. account_self keeps, for each name, the account the network
// said it posts as and under which config identity, so that the network is
// asked once per credentials, and so that a name new to the file whose
// network answer is an old name's is that account renamed — even when the
// same edit rotated its token.

// AccountID is who a configured account posts as.
type AccountID struct {
	// Config is read from the config alone (publish/networks.Identity);
	// "" when the config cannot tell.
	Config string
	// Self is the network's answer (publish.SelfIdentifier), qualified by
	// the network and holding no secret; "" when it was not asked or did
	// not answer, and then the one learned before under the same Config,
	// if any, stands.
	Self string
}

// SameAccountError is two configured names the network says are one
// account.
type SameAccountError struct {
	// First and Second are the names, in sorted order.
	First, Second string
	// Self is the account they both post as.
	Self string
}

// Error names both and what to do.
func (e *SameAccountError) Error() string {
	return fmt.Sprintf("accounts %s and %s post as one account (%s, as the network says), so both would post everything to it; keep one entry", e.First, e.Second, e.Self)
}

// LearnedSelf is the account the network said name posts as, learned under
// the config identity configID; ok is false when nothing was learned under
// it (the credentials changed since, or the network was never asked). A
// configID other than "" learned under another name (renamed without new
// credentials) counts too.
func (s *Store) LearnedSelf(ctx context.Context, name, configID string) (self string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT self FROM account_self WHERE identity = ? AND (account = ? OR identity <> '')
		ORDER BY account = ? DESC, learned_at DESC LIMIT 1`, configID, name, name).Scan(&self)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, classify(s.path, "read who "+name+" posts as", err)
	}
	return self, true, nil
}

// learnedSelf is a row of account_self.
type learnedSelf struct{ identity, self string }

func learnedSelves(ctx context.Context, tx *sql.Tx) (map[string]learnedSelf, error) {
	rows, err := tx.QueryContext(ctx, "SELECT account, identity, self FROM account_self")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]learnedSelf{}
	for rows.Next() {
		var name string
		var l learnedSelf
		if err := rows.Scan(&name, &l.identity, &l.self); err != nil {
			return nil, err
		}
		out[name] = l
	}
	return out, rows.Err()
}

// selves are the accounts configured names post as: the network's answer
// of now, else the one learned before under the name's config identity
// (by the name, or by the name it was renamed from, moves). Names without
// either are left out. Two names of one account are a *SameAccountError.
func selves(accounts map[string]AccountID, learned map[string]learnedSelf, moves map[string]string) (map[string]string, error) {
	from := map[string]string{}
	for old, new := range moves {
		from[new] = old
	}
	out := map[string]string{}
	byself := map[string]string{}
	for _, name := range slices.Sorted(maps.Keys(accounts)) {
		a := accounts[name]
		self := a.Self
		for _, n := range []string{name, from[name]} {
			if l, ok := learned[n]; self == "" && ok && n != "" && l.identity == a.Config {
				self = l.self
			}
		}
		if self == "" {
			continue
		}
		if other, ok := byself[self]; ok {
			return nil, &SameAccountError{First: other, Second: name, Self: self}
		}
		byself[self], out[name] = name, self
	}
	return out, nil
}

// selfRenames adds to moves the names whose history belongs to another
// configured name by the network's word: an old name whose learned account
// is a configured name's, which the config no longer has, or which now
// posts as another account. A name already moving stays as it is; an old
// name still configured whose account is not known now keeps its history
// (it may still be the same account, and then two entries for it). It
// returns the names moved into this way: whatever token they hold was
// obtained for the same account, after the old name's.
func selfRenames(accounts map[string]AccountID, now map[string]string, learned map[string]learnedSelf, moves map[string]string) map[string]bool {
	fresh := map[string]bool{}
	for _, old := range slices.Sorted(maps.Keys(learned)) {
		if moves[old] != "" {
			continue
		}
		self := learned[old].self
		_, configured := accounts[old]
		if configured && (now[old] == "" || now[old] == self) {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(now)) {
			if now[name] == self && name != old {
				moves[old], fresh[name] = name, true
				break
			}
		}
	}
	return fresh
}

// recordSelves keeps who each configured name posts as, under its config
// identity, and forgets what it knew of the names moved away (moves) that
// the config no longer has: their history is another name's now.
func recordSelves(ctx context.Context, tx *sql.Tx, accounts map[string]AccountID, now, moves map[string]string, at int64) error {
	for _, name := range slices.Sorted(maps.Keys(moves)) {
		if _, ok := accounts[name]; ok {
			continue
		}
		for _, q := range []string{"DELETE FROM account_self WHERE account = ?", "DELETE FROM account_identity WHERE account = ?"} {
			if _, err := tx.ExecContext(ctx, q, name); err != nil {
				return err
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(now)) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO account_self (account, identity, self, learned_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (account) DO UPDATE SET identity = excluded.identity, self = excluded.self, learned_at = excluded.learned_at
			WHERE identity <> excluded.identity OR self <> excluded.self`, name, accounts[name].Config, now[name], at); err != nil {
			return err
		}
	}
	return nil
}

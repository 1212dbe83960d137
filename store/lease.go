package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// A posting row belongs to the Store that claimed it (its owner id) for as
// long as its lease runs: claimed_at is the lease's last renewal, and the
// claim is live until claimed_at + Lease. The Store sending a post renews
// the lease while the request runs (HoldLeases), so any process reading the
// file — another container on the same volume included — sees whether a
// claim is alive without asking about process ids.
//
// A process id only speeds up a crash's recovery: the owner id names the
// PID namespace it was made in ("pid@space:random"), and a claim whose
// owner is in this process's namespace and no longer runs is dead at once,
// without waiting for its lease. An owner in another namespace, or written
// by an older release ("pid:random"), is judged by its lease alone.

// DefaultLease is how long a claim lives past its last renewal. Renewals
// come every quarter of it.
const DefaultLease = 2 * time.Minute

// pidSpace names this process's PID namespace on this boot of this machine,
// "" when it cannot be told.
var pidSpace = func() string {
	boot, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	ns, err := os.Readlink("/proc/self/ns/pid")
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(string(boot)) + "\x00" + ns))
	return hex.EncodeToString(sum[:6])
}()

func newOwner() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%d@%s:%s", os.Getpid(), pidSpace, hex.EncodeToString(b))
}

// claimLive reports whether a posting row's claim still belongs to a
// running attempt: this Store's own, or another owner's within its lease
// (unless that owner is a process of this namespace that has ended).
func (s *Store) claimLive(r PostRecord, now time.Time) bool {
	if r.Owner == s.owner {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.inflight[flightKey(r.ArticleID, r.Account, r.Share)]
	}
	if pid, space, ok := parseOwner(r.Owner); ok && space != "" && space == pidSpace && !s.alive(pid) {
		return false
	}
	return now.Sub(r.ClaimedAt) < s.Lease
}

// parseOwner splits "pid@space:random"; space is "" for an older
// release's "pid:random".
func parseOwner(owner string) (pid int, space string, ok bool) {
	head, _, ok := strings.Cut(owner, ":")
	if !ok {
		return 0, "", false
	}
	pidText, space, _ := strings.Cut(head, "@")
	pid, err := strconv.Atoi(pidText)
	return pid, space, err == nil
}

// HoldLeases renews, every quarter of Lease, the leases of the posts this
// Store has in flight, until every caller has called its release (which
// waits for the renewing goroutine to end). Deliver holds them while it
// sends.
func (s *Store) HoldLeases() (release func()) {
	s.leaseMu.Lock()
	defer s.leaseMu.Unlock()
	s.holders++
	if s.holders == 1 {
		stop, done := make(chan struct{}), make(chan struct{})
		s.stopLeases, s.leasesDone = stop, done
		go s.renewLoop(stop, done)
	}
	var once bool
	return func() {
		s.leaseMu.Lock()
		if once {
			s.leaseMu.Unlock()
			return
		}
		once = true
		s.holders--
		var done chan struct{}
		if s.holders == 0 {
			close(s.stopLeases)
			done = s.leasesDone
		}
		s.leaseMu.Unlock()
		if done != nil {
			<-done
		}
	}
}

func (s *Store) renewLoop(stop, done chan struct{}) {
	defer close(done)
	t := time.NewTicker(max(s.Lease/4, time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), BusyTimeout)
			_ = s.RenewLeases(ctx) // a missed renewal is retried at the next tick
			cancel()
		}
	}
}

// RenewLeases moves the lease of every post this Store has in flight to
// Now.
func (s *Store) RenewLeases(ctx context.Context) error {
	s.mu.Lock()
	keys := make([]flight, 0, len(s.inflight))
	for k := range s.inflight {
		keys = append(keys, k)
	}
	s.mu.Unlock()
	if len(keys) == 0 {
		return nil
	}
	now := s.Now().UTC().UnixNano()
	return s.tx(ctx, "renew leases", func(tx *sql.Tx) error {
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `UPDATE posts SET claimed_at = ? WHERE article_id = ? AND account = ?
				AND share = ? AND owner = ? AND state = 'posting'`, now, k.articleID, k.account, k.share, s.owner); err != nil {
				return err
			}
		}
		return nil
	})
}

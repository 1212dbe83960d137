package crash_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/fsnotify/fsnotify"

	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/publish/outbox"
	"github.com/hookline/hookline/store"
)

// crashOutbox reaches the steps for the outbox, which has no HTTP: the
// test holds the outbox file's lock (the one the outbox takes before it
// appends) and watches the state file's WAL and the outbox for writes,
// starting when the claim is the child's next write: after the feed gate
// (run), or on a state file already created (post).
func (e *env) crashOutbox(t *testing.T, st step) *child {
	t.Helper()
	f, err := os.OpenFile(e.outbox, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	watch := func() (wal, box chan struct{}) {
		w, err := fsnotify.NewWatcher()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { w.Close() })
		if err := w.Add(e.dir); err != nil {
			t.Fatal(err)
		}
		wal, box = make(chan struct{}, 1), make(chan struct{}, 1)
		go func() {
			for ev := range w.Events {
				if !ev.Has(fsnotify.Write) {
					continue
				}
				switch filepath.Base(ev.Name) {
				case "state.db-wal":
					signal(wal)
				case "outbox.jsonl":
					signal(box)
				}
			}
		}()
		return wal, box
	}
	var (
		c        *child
		wal, box chan struct{}
	)
	if st.cmd == "post" {
		s, err := store.Open(context.Background(), e.state, store.Options{Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		wal, box = watch()
		c = e.start(t, st)
	} else {
		c = e.startRun(t)
		c.await(t, e.gate.arrived, "the feed gate")
		wal, box = watch()
		e.gate.release()
	}
	c.await(t, wal, "the claim's commit")
	lock := lockState(t, e.state) // waits for the claim's commit to end
	for !lock.claimed(t) {
		// An earlier write (a hand post stores its article first) woke
		// us: let the child go on to its claim.
		lock.release()
		c.await(t, wal, "the claim's commit")
		lock = lockState(t, e.state)
	}
	if st.at != atCommit {
		c.kill(t) // claimed, blocked on the outbox lock
		lock.release()
		return c
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN); err != nil {
		t.Fatal(err)
	}
	c.await(t, box, "the outbox append")
	c.kill(t) // its next write is the outcome's commit
	lock.release()
	return c
}

// outboxLines returns the complete lines of the outbox as created posts.
func outboxLines(t *testing.T, path string) []faultnet.Created {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []faultnet.Created
	for _, line := range strings.Split(string(data), "\n") {
		var l outbox.Line
		if json.Unmarshal([]byte(line), &l) == nil {
			out = append(out, faultnet.Created{Key: l.IdempotencyKey, Text: l.Text, ID: l.ID, At: l.Time})
		}
	}
	return out
}

package crash_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/fsnotify/fsnotify"
)

// approveConfig is a folder of one article, an outbox, and a schedule
// under review.
const approveConfig = `state: ./state.db
log:
  level: warn
sources:
  - name: articles
    kind: folder
    path: ./articles
networks:
  - name: box
    kind: outbox
    path: ./outbox.jsonl
schedules:
  - name: demo
    cron: "0 0 1 1 *"
    review: approve
`

const approveArticle = `Ferry goes electric

The harbour ferry runs on batteries now, the city said on Monday, after a year of trials.
`

const editedText = "The harbour ferry now runs on batteries. #Ferry"

// setupApprove writes the config, runs the fire that stores post 1 for
// review and edits it, and returns the folder.
func setupApprove(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o700); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"config.yaml": approveConfig, "articles/ferry.txt": approveArticle} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"run", "--once"}, {"edit", "1", "--text", editedText}} {
		if c, err := run(t, dir, args...); err != nil {
			t.Fatalf("hookline %s: %v\n%s", strings.Join(args, " "), err, c.output())
		}
	}
	return dir
}

// postState reads post 1's state without the store package.
func postState(t *testing.T, dir string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "state.db")+"?mode=ro&_pragma=busy_timeout(20000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var st string
	if err := db.QueryRow("SELECT state FROM posts WHERE id = 1").Scan(&st); err != nil {
		t.Fatal(err)
	}
	return st
}

// SIGKILL between approve and send: `approve --now` killed once its
// approval is committed and its claim waits for the store's write lock, and
// once its claim is committed and the send waits for the outbox. Then the
// daemon's next run sends it: exactly one post, with the edited text, and
// one posted row. Never two.
func TestCrash_ApproveNow(t *testing.T) {
	tests := []struct {
		name string
		// atClaim kills after the claim (posting) instead of after the
		// approval (approved).
		atClaim   bool
		wantState string
	}{
		{"approved, claim blocked on the store", false, "approved"},
		{"claimed, send blocked on the outbox", true, "posting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := setupApprove(t)
			box := filepath.Join(dir, "outbox.jsonl")
			f, err := os.OpenFile(box, os.O_RDWR|os.O_CREATE, 0o600)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
				t.Fatal(err)
			}
			w, err := fsnotify.NewWatcher()
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if err := w.Add(dir); err != nil {
				t.Fatal(err)
			}
			wal := make(chan struct{}, 1)
			go func() {
				for ev := range w.Events {
					if ev.Has(fsnotify.Write) && filepath.Base(ev.Name) == "state.db-wal" {
						signal(wal)
					}
				}
			}()
			c := startChild(t, dir, "approve", "--now", "1")
			state := filepath.Join(dir, "state.db")
			c.await(t, wal, "the approval's commit")
			lock := lockState(t, state) // waits for the commit to end
			if tt.atClaim {
				for !lock.claimed(t) {
					lock.release()
					c.await(t, wal, "the claim's commit")
					lock = lockState(t, state)
				}
			}
			c.kill(t)
			lock.release()
			// Without a hook in the binary the first case cannot stop it
			// exactly between approval and claim: the claim may commit
			// before the test takes the lock. Either is a kill between
			// approve and send.
			if got := postState(t, dir); got != tt.wantState && (tt.atClaim || got != "posting") {
				t.Fatalf("after the kill: post 1 %s; want %s", got, tt.wantState)
			}
			if err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN); err != nil {
				t.Fatal(err)
			}
			if lines := outboxLines(t, box); len(lines) != 0 {
				t.Fatalf("sent before the restart: %+v", lines)
			}
			// The daemon: a posting row is resent on start, an approved one
			// at the fire (run --once fires every schedule).
			if c, err := run(t, dir, "run", "--once"); err != nil {
				t.Fatalf("run --once: %v\n%s", err, c.output())
			}
			// And a second approve --now changes nothing.
			if c, err := run(t, dir, "approve", "--now", "1"); err != nil || !strings.Contains(c.stdout.String(), "already posted") {
				t.Fatalf("approve again: %v\n%s", err, c.output())
			}
			lines := outboxLines(t, box)
			if len(lines) != 1 || lines[0].Text != editedText {
				t.Fatalf("outbox: %+v; want one post with the edited text", lines)
			}
			if rows := postRows(t, state, "box"); len(rows) != 1 || rows[0].State != "posted" {
				t.Fatalf("rows: %+v; want one posted", rows)
			}
		})
	}
}

// Two people run approve --now on the same post at the same moment: two
// processes, one post on the network, one posted row, both succeed.
func TestCrash_ApproveTwiceAtOnce(t *testing.T) {
	dir := setupApprove(t)
	a := startChild(t, dir, "approve", "--now", "1")
	b := startChild(t, dir, "approve", "--now", "1")
	for _, c := range []*child{a, b} {
		<-c.done
		if c.err != nil {
			t.Fatalf("approve --now: %v\n%s", c.err, c.output())
		}
	}
	lines := outboxLines(t, filepath.Join(dir, "outbox.jsonl"))
	if len(lines) != 1 || lines[0].Text != editedText {
		t.Fatalf("outbox: %+v; want one post with the edited text\n%s\n%s", lines, a.output(), b.output())
	}
	if rows := postRows(t, filepath.Join(dir, "state.db"), "box"); len(rows) != 1 || rows[0].State != "posted" {
		t.Fatalf("rows: %+v; want one posted", rows)
	}
}

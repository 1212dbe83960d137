// Package crash_test kills the real hookline binary with SIGKILL at each
// step of a post — blocked at its claim, while the network holds the
// request, while the network holds its answer to a post it made, and
// between the answer and the store's commit — restarts it, and checks that
// the post exists exactly once on the network and once, posted, in the
// state file. The binary carries no test hook: the steps are reached by
// holding SQLite's write lock on the state file from the test, by an HTTP
// gate in front of the fake networks, and by file locks and file events.
package crash_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// bin is the hookline binary built once by TestMain.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "hookline-crash-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	bin = filepath.Join(dir, "hookline")
	build := exec.Command("go", "build", "-o", bin, "github.com/hookline/hookline/cmd/hookline")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build hookline:", err)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// deadline bounds every wait for the child; a healthy step takes well under
// a second, and the child's own SQLite busy timeout is 10 s.
const deadline = 8 * time.Second

// syncBuffer is a bytes.Buffer safe for the child's writer goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// child is a running hookline process.
type child struct {
	cmd            *exec.Cmd
	stdout, stderr syncBuffer
	done           chan struct{}
	err            error
}

func startChild(t *testing.T, dir string, args ...string) *child {
	t.Helper()
	c := &child{done: make(chan struct{})}
	c.cmd = exec.Command(bin, append([]string{"--config", filepath.Join(dir, "config.yaml")}, args...)...)
	c.cmd.Dir = dir
	c.cmd.Env = append(os.Environ(), "HOME="+dir)
	c.cmd.Stdout, c.cmd.Stderr = &c.stdout, &c.stderr
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		c.err = c.cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		_ = c.cmd.Process.Kill()
		<-c.done
	})
	return c
}

func (c *child) output() string {
	return fmt.Sprintf("stdout:\n%s\nstderr:\n%s", c.stdout.String(), c.stderr.String())
}

// await waits for ch, failing when the child exits first or the deadline
// passes.
func (c *child) await(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-c.done:
		t.Fatalf("child exited (%v) before %s\n%s", c.err, what, c.output())
	case <-time.After(deadline):
		t.Fatalf("child never reached %s\n%s", what, c.output())
	}
}

// kill sends SIGKILL and checks that the signal, not the child's own exit,
// ended it.
func (c *child) kill(t *testing.T) {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-c.done
	ws, ok := c.cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v before the kill\n%s", c.err, c.output())
	}
}

// run runs hookline to its end.
func run(t *testing.T, dir string, args ...string) (*child, error) {
	t.Helper()
	c := startChild(t, dir, args...)
	select {
	case <-c.done:
	case <-time.After(2 * deadline):
		t.Fatalf("hookline %s did not finish\n%s", strings.Join(args, " "), c.output())
	}
	return c, c.err
}

// writeLock holds SQLite's write lock on a state file (BEGIN IMMEDIATE on
// a connection of the test's own), so that the child blocks at its next
// write — its claim or its commit — until the lock is released.
type writeLock struct {
	db   *sql.DB
	conn *sql.Conn
}

func lockState(t *testing.T, path string) *writeLock {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(20000)")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		conn.Close()
		db.Close()
		t.Fatalf("lock %s: %v", path, err)
	}
	l := &writeLock{db: db, conn: conn}
	t.Cleanup(l.release)
	return l
}

// claimed reports whether a claim is committed: a post row in state
// posting, read inside the lock's own transaction.
func (l *writeLock) claimed(t *testing.T) bool {
	t.Helper()
	var n int
	if err := l.conn.QueryRowContext(context.Background(), "SELECT count(*) FROM posts WHERE state = 'posting'").Scan(&n); err != nil {
		t.Fatalf("read claims: %v", err)
	}
	return n > 0
}

func (l *writeLock) release() {
	if l.conn == nil {
		return
	}
	_, _ = l.conn.ExecContext(context.Background(), "ROLLBACK")
	l.conn.Close()
	l.db.Close()
	l.conn = nil
}

// postRow is one row of the posts table, read without the store package
// (which would migrate, a write, while the test may hold the lock).
type postRow struct {
	State, Receipt, Note, LastError string
	Attempts                        int
}

func postRows(t *testing.T, path, account string) []postRow {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(20000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT state, receipt_id, note, last_error, attempts FROM posts WHERE account = ? ORDER BY id`, account)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil
		}
		t.Fatalf("read %s: %v", path, err)
	}
	defer rows.Close()
	var out []postRow
	for rows.Next() {
		var r postRow
		if err := rows.Scan(&r.State, &r.Receipt, &r.Note, &r.LastError, &r.Attempts); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil && !errors.Is(err, sql.ErrNoRows) {
		t.Fatal(err)
	}
	return out
}

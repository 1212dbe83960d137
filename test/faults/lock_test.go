package faults_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/teaser"
)

// The process tests re-run this test binary as a child (envChild names
// what it does) beside the real hookline binary, built once.
const (
	envChild  = "HOOKLINE_FAULTS_CHILD"
	envDB     = "HOOKLINE_FAULTS_DB"
	envConfig = "HOOKLINE_FAULTS_CONFIG"
	envArt    = "HOOKLINE_FAULTS_ARTICLE"
)

// runChild is the child's main: "hold-lock" takes the daemon lock and
// keeps it until its stdin closes; "try-lock" takes it and exits;
// "daemon-post" takes the lock and delivers the article to every account
// of the config as the daemon does, printing the results as JSON.
func runChild(kind string) int {
	ctx := context.Background()
	db := os.Getenv(envDB)
	if kind == "daemon-post" {
		cfg, _, err := config.Load(os.Getenv(envConfig), hookline.DefaultConfig, os.Environ(), networks.CheckAccount)
		if err != nil {
			fmt.Println("error:", err)
			return 2
		}
		db = cfg.State
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		fmt.Println("error:", err)
		return 2
	}
	defer st.Close()
	release, err := st.LockDaemon()
	if err != nil {
		fmt.Println("error:", err)
		return 3
	}
	defer release()
	fmt.Println("locked", os.Getpid())
	switch kind {
	case "hold-lock":
		_, _ = io.Copy(io.Discard, os.Stdin)
	case "daemon-post":
		rs, err := daemonPost(ctx, st)
		if err != nil {
			fmt.Println("error:", err)
			return 2
		}
		out, _ := json.Marshal(rs)
		fmt.Println(string(out))
	}
	return 0
}

// childResult is what daemon-post prints per post.
type childResult struct {
	Account, State, Reason string
	Skipped                bool
	Err                    string
}

// daemonPost delivers the article to each account the way the daemon and
// `hookline post` build posts: teaser, fitted post, deliver.Key.
func daemonPost(ctx context.Context, st *store.Store) ([]childResult, error) {
	cfg, _, err := config.Load(os.Getenv(envConfig), hookline.DefaultConfig, os.Environ(), networks.CheckAccount)
	if err != nil {
		return nil, err
	}
	a, err := article.Load(ctx, os.Getenv(envArt), article.LoadOptions{})
	if err != nil {
		return nil, err
	}
	res, err := teaser.Compose(a, teaser.Options{Variant: cfg.Teaser.Variant, Hashtags: networks.Hashtags(cfg.Networks[0], cfg.Teaser)})
	if err != nil {
		return nil, err
	}
	var jobs []deliver.Job
	for _, acct := range cfg.Networks {
		pub, err := networks.Open(ctx, acct, networks.Deps{Tokens: st})
		if err != nil {
			return nil, err
		}
		p, err := networks.PostFor(ctx, acct, pub, res, cfg.Teaser, deliver.Key(a.ID, acct.Name))
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, deliver.Job{Post: p.Post, Publisher: pub})
	}
	d := &deliver.Deliverer{Store: st, Log: quiet()}
	var out []childResult
	for _, r := range d.Deliver(ctx, jobs) {
		c := childResult{Account: r.Account, State: string(r.State), Reason: r.Reason, Skipped: r.Skipped}
		if r.Err != nil {
			c.Err = r.Err.Error()
		}
		out = append(out, c)
	}
	return out, nil
}

// child is a running child process with its stdout as lines.
type child struct {
	cmd   *exec.Cmd
	lines chan string
	stdin io.WriteCloser
	errb  *strings.Builder
}

func startChild(t *testing.T, cmd *exec.Cmd) *child {
	t.Helper()
	c := &child{cmd: cmd, lines: make(chan string, 64), errb: &strings.Builder{}}
	out, err := cmd.StdoutPipe()
	must(t, err)
	c.stdin, err = cmd.StdinPipe()
	must(t, err)
	cmd.Stderr = c.errb
	must(t, cmd.Start())
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	t.Cleanup(func() {
		c.stdin.Close()
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return c
}

// line waits for the child's next line; "" when it closed stdout.
func (c *child) line(t *testing.T) string {
	t.Helper()
	select {
	case l := <-c.lines:
		return l
	case <-time.After(60 * time.Second):
		t.Fatalf("child %v said nothing in 60s; stderr: %s", c.cmd.Args, c.errb)
		return ""
	}
}

func testChild(kind string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), envChild+"="+kind), env...)
	return cmd
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// hooklineBin builds cmd/hookline once per test run.
func hooklineBin(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hookline-faults-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "hookline")
		goCmd, err := exec.LookPath("go")
		if err != nil {
			goCmd = "/usr/local/go/bin/go"
		}
		out, err := exec.Command(goCmd, "build", "-o", binPath, "github.com/hookline/hookline/cmd/hookline").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestLockDaemon_SecondProcessRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hookline.db")
	holder := startChild(t, testChild("hold-lock", envDB+"="+db))
	if l := holder.line(t); !strings.HasPrefix(l, "locked ") {
		t.Fatalf("holder: %q; stderr %s", l, holder.errb)
	}
	pid := fmt.Sprint(holder.cmd.Process.Pid)

	out, err := testChild("try-lock", envDB+"="+db).Output()
	msg := string(out)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
		t.Fatalf("second locker: %v %q; want refused (exit 3)", err, msg)
	}
	for _, want := range []string{store.ErrLocked.Error(), "pid " + pid, db + ".lock", "stop it first"} {
		if !strings.Contains(msg, want) {
			t.Errorf("refusal %q does not say %q", msg, want)
		}
	}

	// The real binary: `hookline run --once` refuses too, naming the PID.
	cfg := writeConfig(t, "state: "+db+"\n")
	run := exec.Command(hooklineBin(t), "run", "--once", "--config", cfg)
	b, err := run.CombinedOutput()
	if err == nil || !strings.Contains(string(b), "pid "+pid) || !strings.Contains(string(b), "another hookline run") {
		t.Errorf("hookline run --once beside the holder: %v\n%s\nwant a refusal naming pid %s", err, b, pid)
	}

	// Once the holder exits, the lock is free again.
	holder.stdin.Close()
	must(t, holder.cmd.Wait())
	if out, err := testChild("try-lock", envDB+"="+db).Output(); err != nil || !strings.HasPrefix(string(out), "locked ") {
		t.Fatalf("after the holder exited: %v %q", err, out)
	}
	report(t, "processes", "second daemon on the same state file", 2, "refused with a message naming the lock holder's PID; free again once it exits")
}

// TestLockDaemon_OtherNameRefused holds the lock in one process through the
// state file's real path; processes reaching the same file through a
// symlink to it, a symlink to its folder or a relative path are refused,
// and so is the real binary configured with the symlink.
func TestLockDaemon_OtherNameRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "real", "hookline.db")
	must(t, os.Mkdir(filepath.Dir(db), 0o700))
	holder := startChild(t, testChild("hold-lock", envDB+"="+db))
	if l := holder.line(t); !strings.HasPrefix(l, "locked ") {
		t.Fatalf("holder: %q; stderr %s", l, holder.errb)
	}
	pid := fmt.Sprint(holder.cmd.Process.Pid)
	must(t, os.Symlink(db, filepath.Join(dir, "link.db")))
	must(t, os.Symlink(filepath.Dir(db), filepath.Join(dir, "linkdir")))
	names := []string{filepath.Join(dir, "link.db"), filepath.Join(dir, "linkdir", "hookline.db"), filepath.Join("real", "hookline.db")}
	for _, name := range names {
		cmd := testChild("try-lock", envDB+"="+name)
		cmd.Dir = dir
		out, err := cmd.Output()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 || !strings.Contains(string(out), "pid "+pid) {
			t.Errorf("second locker through %s: %v %q; want refused (exit 3) naming pid %s", name, err, out, pid)
		}
	}
	cfg := writeConfig(t, "state: "+filepath.Join(dir, "linkdir", "hookline.db")+"\n")
	b, err := exec.Command(hooklineBin(t), "run", "--once", "--config", cfg).CombinedOutput()
	if err == nil || !strings.Contains(string(b), "pid "+pid) {
		t.Errorf("hookline run --once through a folder symlink: %v\n%s\nwant a refusal naming pid %s", err, b, pid)
	}
	report(t, "processes", "second daemon reaching the state file by another name (symlink to the file, to its folder, a relative path; the real binary through a symlink)", 4, "refused, naming the holder's PID: the lock sits next to the file's real path")
}

// TestRun_SecondDaemonRefused starts two real, long-lived `hookline run`
// processes on one state file: the second refuses at once, naming the
// first's PID, and the first runs on and stops cleanly on SIGTERM.
func TestRun_SecondDaemonRefused(t *testing.T) {
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	must(t, os.Mkdir(articles, 0o700))
	cfg := writeConfig(t, fmt.Sprintf(`state: %s
sources:
  - name: notes
    kind: folder
    path: %s
networks:
  - name: box
    kind: outbox
    path: %s
schedules:
  - name: hourly
    cron: "@every 1h"
    sources: [notes]
    networks: [box]
`, filepath.Join(dir, "hookline.db"), articles, filepath.Join(dir, "outbox.jsonl")))

	first := exec.Command(hooklineBin(t), "run", "--config", cfg)
	stderr, err := first.StderrPipe()
	must(t, err)
	must(t, first.Start())
	t.Cleanup(func() {
		if first.ProcessState == nil {
			_ = first.Process.Kill()
			_ = first.Wait()
		}
	})
	logs := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			logs <- sc.Text()
		}
		close(logs)
	}()
	var firstLog strings.Builder
	for running := false; !running; {
		select {
		case l, ok := <-logs:
			if !ok {
				t.Fatalf("first hookline run exited before running:\n%s", firstLog.String())
			}
			firstLog.WriteString(l + "\n")
			running = strings.Contains(l, "hookline running")
		case <-time.After(60 * time.Second):
			t.Fatalf("first hookline run not running after 60s:\n%s", firstLog.String())
		}
	}

	second := exec.Command(hooklineBin(t), "run", "--config", cfg)
	out, err := second.CombinedOutput()
	pid := fmt.Sprint(first.Process.Pid)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() == 0 {
		t.Fatalf("second hookline run: %v\n%s\nwant a refusal", err, out)
	}
	for _, want := range []string{"another hookline run", "pid " + pid} {
		if !strings.Contains(string(out), want) {
			t.Errorf("second hookline run said %q; want it to say %q", out, want)
		}
	}
	if err := first.Process.Signal(syscall.Signal(0)); err != nil {
		t.Fatalf("the first daemon stopped when the second was refused: %v", err)
	}

	must(t, first.Process.Signal(os.Interrupt))
	for l := range logs {
		firstLog.WriteString(l + "\n")
	}
	if err := first.Wait(); err != nil {
		t.Errorf("first hookline run after SIGINT: %v\n%s", err, firstLog.String())
	}
	if !strings.Contains(firstLog.String(), "stopped") {
		t.Errorf("first hookline run did not log a clean stop:\n%s", firstLog.String())
	}
	report(t, "processes", "two long-lived `hookline run` on one state file", 2, "the second refused at once, naming the first's PID; the first kept running and stopped cleanly")
}

// TestPost_BesideDaemon runs `hookline post` and a daemon process's
// delivery of the same article × account at once, each order of arrival:
// the network gets one post, the other process reports it in flight, and
// the state file stays sound.
func TestPost_BesideDaemon(t *testing.T) {
	art := filepath.Join("..", "..", "..", "shared", "articles", "kim-jong-un-china-trip.txt")
	if _, err := os.Stat(art); err != nil {
		t.Fatalf("shared article missing (../shared beside the checkout): %v", err)
	}
	art, _ = filepath.Abs(art)
	for _, first := range []string{"daemon", "post"} {
		t.Run(first+" first", func(t *testing.T) {
			m := faultnet.NewMastodon()
			m.Token = "tok-daemon"
			t.Cleanup(m.Close)
			dir := t.TempDir()
			db := filepath.Join(dir, "hookline.db")
			cfg := writeConfig(t, fmt.Sprintf("state: %s\nnetworks:\n  - name: masto\n    kind: mastodon\n    server: %s\n    access_token: tok-daemon\n    timeout: 30s\n", db, m.URL))
			daemonCmd := testChild("daemon-post", envConfig+"="+cfg, envArt+"="+art)
			postCmd := exec.Command(hooklineBin(t), "post", art, "--network", "masto", "--config", cfg)

			m.Set(faultnet.Hold, 1) // the first to arrive is held in flight
			var daemon *child
			var post *exec.Cmd
			var postOut strings.Builder
			if first == "daemon" {
				daemon = startChild(t, daemonCmd)
			} else {
				post = postCmd
				post.Stdout, post.Stderr = &postOut, &postOut
				must(t, post.Start())
			}
			select {
			case <-m.Arrived:
			case <-time.After(60 * time.Second):
				t.Fatal("the first process never reached the network")
			}
			// The second runs to its end while the first is in flight.
			var secondOut string
			var secondErr error
			if first == "daemon" {
				b, err := postCmd.CombinedOutput()
				secondOut, secondErr = string(b), err
				if secondErr == nil || !strings.Contains(secondOut, "masto: not posted: in flight") {
					t.Errorf("hookline post beside the daemon: %v\n%s\nwant a refusal: in flight", secondErr, secondOut)
				}
			} else {
				daemon = startChild(t, daemonCmd)
				daemon.line(t) // locked
				res := daemon.line(t)
				if !strings.Contains(res, `"Skipped":true`) || !strings.Contains(res, `"Reason":"in flight"`) {
					t.Errorf("daemon beside hookline post: %s; want skipped, in flight", res)
				}
			}
			m.Release()
			if first == "daemon" {
				daemon.line(t) // locked
				if res := daemon.line(t); !strings.Contains(res, `"State":"posted"`) || strings.Contains(res, `"Skipped":true`) {
					t.Errorf("daemon: %s; want posted", res)
				}
			} else {
				if err := post.Wait(); err != nil || !strings.Contains(postOut.String(), "masto: "+m.URL+"/@hookline/") {
					t.Errorf("hookline post: %v\n%s", err, postOut.String())
				}
			}
			if got := len(m.Created()); got != 1 {
				t.Fatalf("network holds %d posts, want 1", got)
			}
			checkState(t, db, "masto", m.Created()[0].ID)
		})
	}
	report(t, "processes", "`hookline post` and the daemon deliver the same post at once (each order)", 2, "one post on the network; the other process reports it in flight; state file intact")
}

// checkState opens the state file after the processes are gone: sound, and
// the post recorded with the network's id.
func checkState(t *testing.T, db, account, id string) {
	t.Helper()
	st, err := store.Open(context.Background(), db, store.Options{Log: quiet()})
	must(t, err)
	defer st.Close()
	var ok string
	must(t, st.DB().QueryRow("PRAGMA integrity_check").Scan(&ok))
	var n int
	var state, receipt string
	must(t, st.DB().QueryRow("SELECT count(*), max(state), max(receipt_id) FROM posts WHERE account = ?", account).Scan(&n, &state, &receipt))
	if ok != "ok" || n != 1 || state != "posted" || receipt != id {
		t.Fatalf("state file: integrity %q, %d rows, state %s, receipt %s; want ok, 1, posted, %s", ok, n, state, receipt, id)
	}
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	must(t, os.WriteFile(p, []byte(body), 0o600))
	return p
}

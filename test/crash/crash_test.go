package crash_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hookline/hookline/internal/faultnet"
)

// where is the point of a post at which the child is killed.
type where int

const (
	atClaim  where = iota // blocked at its claim, before any request
	atHeld                // the network holds the create request, not made
	atMade                // the network made the post and holds its answer
	atCommit              // the answer came; the store's commit is blocked
)

// step is where the child is killed.
type step struct {
	name string
	at   where
	// cmd is "run" (hookline run --once) or "post" (hookline post).
	cmd string
	// made is whether the network holds the post when the kill lands.
	made bool
	// claimed is whether the state file holds the post as posting then.
	claimed bool
}

var steps = []step{
	{name: "before the request (blocked at its claim)", at: atClaim, cmd: "run"},
	{name: "network holds the request (post not made)", at: atHeld, cmd: "run", claimed: true},
	{name: "network made the post, holds its answer", at: atMade, cmd: "run", claimed: true, made: true},
	{name: "answer received, store commit blocked", at: atCommit, cmd: "run", claimed: true, made: true},
	{name: "post: network made the post, holds its answer", at: atMade, cmd: "post", claimed: true, made: true},
	{name: "post: answer received, store commit blocked", at: atCommit, cmd: "post", claimed: true, made: true},
}

var kinds = []string{"mastodon", "x", "bluesky", "outbox"}

// table collects outcomes for the log: step → kind → outcome.
var (
	tableMu sync.Mutex
	table   = map[string]map[string]string{}
)

func TestCrash_KillRestartExactlyOnce(t *testing.T) {
	for _, st := range steps {
		for _, kind := range kinds {
			t.Run(st.name+"/"+kind, func(t *testing.T) {
				outcome := "FAILED"
				defer func() {
					tableMu.Lock()
					defer tableMu.Unlock()
					if table[st.name] == nil {
						table[st.name] = map[string]string{}
					}
					if t.Failed() {
						outcome = "FAILED"
					}
					table[st.name][kind] = outcome
				}()
				outcome = crashCase(t, st, kind)
			})
		}
	}
	var b strings.Builder
	b.WriteString("\n| SIGKILL at | " + strings.Join(kinds, " | ") + " |\n|---|" + strings.Repeat("---|", len(kinds)) + "\n")
	for _, st := range steps {
		b.WriteString("| " + st.name + " |")
		for _, k := range kinds {
			b.WriteString(" " + table[st.name][k] + " |")
		}
		b.WriteString("\n")
	}
	t.Log(b.String())
}

// crashCase runs one cell of the table and returns its outcome, or
// "n/a" when the step does not exist for the kind.
func crashCase(t *testing.T, st step, kind string) string {
	if kind == "outbox" && st.at == atMade {
		return "n/a" // a file has no answer to hold
	}
	e := newEnv(t, kind, st)
	var c *child
	switch {
	case kind == "outbox" && st.at != atClaim:
		c = e.crashOutbox(t, st)
	case st.at == atClaim:
		c = e.startRun(t)
		c.await(t, e.gate.arrived, "the feed gate")
		lock := lockState(t, e.state)
		e.gate.release()
		c.await(t, e.gate.answered, "the gate's answer")
		c.kill(t) // its next write is the claim: it cannot get past it
		lock.release()
	case st.at == atHeld:
		c = e.startRun(t)
		c.await(t, e.proxy.arrived, "the create request")
		c.kill(t)
	case st.at == atMade:
		c = e.start(t, st)
		c.await(t, e.proxy.answered, "the network's answer")
		c.kill(t)
	default: // answer received, commit blocked
		c = e.start(t, st)
		c.await(t, e.proxy.answered, "the network's answer")
		lock := lockState(t, e.state)
		e.proxy.release()
		c.await(t, e.proxy.delivered, "the answer's delivery")
		c.kill(t) // its next write is the outcome's commit
		lock.release()
	}
	e.checkKilled(t, st, c)
	return e.restart(t, st)
}

// env is one cell's world: a folder with one article and config.yaml, the
// fakes of the three HTTP networks (the one under test behind a gate
// proxy), the outbox file and the feed gate.
type env struct {
	dir, state, outbox string
	kind, account      string
	proxy              *gateProxy
	gate               *feedGate
	created            func() []faultnet.Created
}

const story = `---
title: Night train returns to the valley
url: https://news.example/night-train
---
The night train between the two cities returns after ten years, the operator said on Monday.

Tickets go on sale next week, and the first train leaves in May with sleeper cars.
`

func newEnv(t *testing.T, kind string, st step) *env {
	t.Helper()
	dir := t.TempDir()
	e := &env{dir: dir, state: filepath.Join(dir, "state.db"), outbox: filepath.Join(dir, "outbox.jsonl"),
		kind: kind, account: kind + "-main"}
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "articles", "night-train.md"), []byte(story), 0o644); err != nil {
		t.Fatal(err)
	}
	masto, xapi, bsky := faultnet.NewMastodon(), faultnet.NewX(), faultnet.NewBluesky()
	masto.Token, bsky.Password = "tok-mastodon", "app-pass"
	for _, s := range []*faultnet.Server{masto.Server, xapi.Server, bsky.Server} {
		t.Cleanup(s.Close)
	}
	servers := map[string]string{"mastodon": masto.URL, "x": xapi.URL, "bluesky": bsky.URL}
	mode := map[where]hold{atClaim: pass, atHeld: holdBefore, atMade: holdAfter, atCommit: pauseAnswer}[st.at]
	switch kind {
	case "mastodon":
		e.created = masto.Created
	case "x":
		e.created = xapi.Created
	case "bluesky":
		e.created = bsky.Created
	case "outbox":
		e.created = func() []faultnet.Created { return outboxLines(t, e.outbox) }
	}
	if kind != "outbox" {
		e.proxy = newGateProxy(t, servers[kind], mode)
		servers[kind] = e.proxy.URL
	}
	e.gate = newFeedGate(t, st.at == atClaim || kind == "outbox" && st.cmd == "run")
	cfg := fmt.Sprintf(`state: ./state.db
timezone: UTC
log:
  level: debug
sources:
  - name: articles
    kind: folder
    path: ./articles
  - name: gate
    kind: feed
    url: %s
    allow_private: true
networks:
  - name: mastodon-main
    kind: mastodon
    server: %s
    access_token: tok-mastodon
  - name: x-main
    kind: x
    server: %s
    consumer_key: crash-consumer-key
    consumer_secret: crash-consumer-secret
    access_token: crash-x-access-token
    access_secret: crash-x-access-secret
    daily_cap: -1
    monthly_cap: -1
  - name: bluesky-main
    kind: bluesky
    server: %s
    identifier: hookline.bsky.social
    app_password: app-pass
  - name: outbox-main
    kind: outbox
    path: ./outbox.jsonl
schedules:
  - name: crash
    cron: "0 * * * *"
    sources: [articles]
    networks: [%s]
`, e.gate.URL, servers["mastodon"], servers["x"], servers["bluesky"], e.account)
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) startRun(t *testing.T) *child { return startChild(t, e.dir, "run", "--once") }

func (e *env) start(t *testing.T, st step) *child {
	if st.cmd == "post" {
		return startChild(t, e.dir, "post", filepath.Join("articles", "night-train.md"), "--network", e.account)
	}
	return e.startRun(t)
}

// checkKilled checks what the kill left: the post on the network or not,
// the row posting or absent, as the step says.
func (e *env) checkKilled(t *testing.T, st step, c *child) {
	t.Helper()
	made := len(e.created())
	if st.made && made != 1 || !st.made && made != 0 {
		t.Fatalf("after the kill the network has %d posts, want made=%v\n%s", made, st.made, c.output())
	}
	rows := postRows(t, e.state, e.account)
	switch {
	case !st.claimed && len(rows) != 0:
		t.Fatalf("after a kill before the claim the store has %+v, want no row", rows)
	case st.claimed && (len(rows) != 1 || rows[0].State != "posting"):
		t.Fatalf("after the kill the store has %+v, want one posting row\n%s", rows, c.output())
	}
}

// restart runs hookline run --once with every gate open and checks the
// post is on the network once and posted once in the store.
func (e *env) restart(t *testing.T, st step) string {
	t.Helper()
	e.gate.shut.Store(false)
	e.gate.release()
	if e.proxy != nil {
		e.proxy.mode.Store(int32(pass))
		e.proxy.release()
	}
	c, err := run(t, e.dir, "run", "--once")
	if err != nil {
		t.Fatalf("restart: %v\n%s", err, c.output())
	}
	created := e.created()
	if len(created) != 1 {
		t.Fatalf("network has %d posts after the restart, want exactly 1: %+v\n%s", len(created), created, c.output())
	}
	rows := postRows(t, e.state, e.account)
	if len(rows) != 1 || rows[0].State != "posted" {
		t.Fatalf("store has %+v after the restart, want one posted row\n%s", rows, c.output())
	}
	r := rows[0]
	wantAttempts := 2
	if !st.claimed {
		wantAttempts = 1
	}
	if r.Attempts != wantAttempts {
		t.Errorf("attempts = %d, want %d", r.Attempts, wantAttempts)
	}
	if r.Receipt != created[0].ID && !(e.kind == "x" && r.Note == "duplicate") {
		t.Errorf("receipt %q (note %q), want the network's id %q", r.Receipt, r.Note, created[0].ID)
	}
	// A second restart sends nothing.
	if c, err := run(t, e.dir, "run", "--once"); err != nil || len(e.created()) != 1 {
		t.Fatalf("second restart: %v, %d posts\n%s", err, len(e.created()), c.output())
	}
	out := fmt.Sprintf("1 post, posted (attempt %d", r.Attempts)
	if r.Note != "" {
		out += ", " + r.Note
	}
	return out + ")"
}

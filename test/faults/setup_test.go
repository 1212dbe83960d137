// Package faults_test drives Hookline's delivery end to end against
// networks that misbehave (internal/faultnet), hostile feeds and pages, and
// concurrent processes, and checks that every post ends exactly once on the
// network or reported failed with a typed error — never lost, never twice.
package faults_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/bluesky"
	"github.com/hookline/hookline/publish/mastodon"
	"github.com/hookline/hookline/publish/outbox"
	"github.com/hookline/hookline/publish/x"
	"github.com/hookline/hookline/store"
)

var update = flag.Bool("update", false, "rewrite testdata/reliability.md from this run")

func TestMain(m *testing.M) {
	if child := os.Getenv(envChild); child != "" {
		os.Exit(runChild(child))
	}
	flag.Parse()
	code := m.Run()
	if code == 0 && *update {
		if err := writeSummary(filepath.Join("testdata", "reliability.md")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

// clock is the injected clock shared by the deliverer, the publishers and
// the fakes, so backoffs and rate-limit resets pass without waiting.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	if t.After(c.t) {
		c.t = t
	}
	c.mu.Unlock()
}

// timeout is every publisher's request timeout: short, so that hangs and
// slow answers end quickly.
const timeout = 300 * time.Millisecond

// net is one network under test: its fake (nil for the outbox), the real
// publisher pointed at it, and how many times a text was really posted.
type net struct {
	name    string
	account string
	fake    *faultnet.Server
	masto   *faultnet.Mastodon // set for mastodon
	pub     publish.Publisher
	count   func(text string) int
	total   func() int
	sends   func() int // create requests the network received
	outbox  string     // the outbox file
}

// allNets are the kinds the table runs against.
var allNets = []string{"mastodon", "x", "bluesky", "outbox"}

func newNet(t *testing.T, kind string, clk *clock) *net {
	t.Helper()
	n := &net{name: kind, account: kind + "-main"}
	var err error
	switch kind {
	case "mastodon":
		m := faultnet.NewMastodon()
		m.Token = "tok-mastodon"
		n.fake, n.masto = m.Server, m
		n.pub, err = mastodon.New(mastodon.Config{Name: n.account, Server: m.URL, AccessToken: "tok-mastodon", Timeout: timeout}, mastodon.Options{Now: clk.Now})
	case "x":
		f := faultnet.NewX()
		n.fake = f.Server
		n.pub, err = x.New(x.Config{Name: n.account, Server: f.URL, DailyCap: -1, MonthlyCap: -1, Timeout: timeout,
			ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessSecret: "as"}, x.Options{Now: clk.Now})
	case "bluesky":
		b := faultnet.NewBluesky()
		b.Password = "app-pass"
		n.fake = b.Server
		n.pub, err = bluesky.New(bluesky.Config{Name: n.account, Server: b.URL, Identifier: "hookline.bsky.social", AppPassword: "app-pass", Timeout: timeout},
			bluesky.Options{Now: clk.Now})
	case "outbox":
		n.outbox = filepath.Join(t.TempDir(), "outbox.jsonl")
		n.pub, err = outbox.New(n.outbox, nil, clk.Now)
		n.count = func(text string) int { return countLines(t, n.outbox, text) }
		n.total = func() int { return countLines(t, n.outbox, "") }
		n.sends = func() int { return 0 }
	}
	if err != nil {
		t.Fatal(err)
	}
	if n.fake != nil {
		n.fake.Now = clk.Now
		t.Cleanup(n.fake.Close)
		n.count, n.sends = n.fake.Count, n.fake.Requests
		n.total = func() int { return len(n.fake.Created()) }
	}
	return n
}

// countLines counts the complete JSON lines of the outbox with this text
// (every line when text is ""); a torn line is not a post.
func countLines(t *testing.T, path, text string) int {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l outbox.Line
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue
		}
		if text == "" || l.Text == text {
			n++
		}
	}
	return n
}

// openStore opens a fresh state file.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "hookline.db"), store.Options{Log: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }

// posts returns n posts for account, each with its own text.
func posts(account, fault string, n int) []publish.Post {
	out := make([]publish.Post, n)
	for i := range out {
		id := fmt.Sprintf("https://news.example/%s/%d", strings.ReplaceAll(fault, " ", "-"), i)
		out[i] = publish.Post{
			Account: account, ArticleID: id, Link: id, Title: "Story " + fmt.Sprint(i),
			Text:           fmt.Sprintf("Story %d about %s: the hook that makes you click.\n\n%s", i, fault, id),
			IdempotencyKey: deliver.Key(id, account),
		}
	}
	return out
}

// row is one line of the reliability summary.
type summaryRow struct {
	area, what string
	cases      int
	outcome    string
}

var (
	summaryMu sync.Mutex
	summary   = map[string]*summaryRow{} // by area + what
)

// report adds cases to a summary row; rows with the same area and what
// add up their cases and must agree on the outcome.
func report(t *testing.T, area, what string, cases int, outcome string) {
	t.Helper()
	t.Logf("| %s | %s | %d | %s |", area, what, cases, outcome)
	summaryMu.Lock()
	defer summaryMu.Unlock()
	k := area + "\x00" + what
	r := summary[k]
	if r == nil {
		summary[k] = &summaryRow{area: area, what: what, cases: cases, outcome: outcome}
		return
	}
	r.cases += cases
	if !strings.Contains(r.outcome, outcome) {
		r.outcome += "; " + outcome
	}
}

func writeSummary(path string) error {
	rows := make([]*summaryRow, 0, len(summary))
	for _, r := range summary {
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].area != rows[j].area {
			return rows[i].area < rows[j].area
		}
		return rows[i].what < rows[j].what
	})
	var b strings.Builder
	b.WriteString("<!-- Generated by go test ./test/faults -update; paste into the README's reliability table. Cases: posts for network faults (3 per network), else documents, targets or process pairs. -->\n")
	b.WriteString("| Area | Fault or input tried | Cases | Outcome |\n|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %d | %s |\n", r.area, r.what, r.cases, r.outcome)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

package schedule

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// TestDaemon_ReloadRenamesAccount renames the daemon's account (same
// outbox file, new name) by a reload while its first post is in flight:
// the post is recorded once, under the new name, and the next fires post
// only what was never posted — each article once to the one real account.
func TestDaemon_ReloadRenamesAccount(t *testing.T) {
	h := newHarness(t, t0)
	h.write("library.md", article2)
	pub := &fakePub{now: h.clock.Now, hold: make(chan struct{}), started: make(chan publish.Post, 10)}
	h.pubs["masto"], h.pubs["newsroom"] = pub, pub // one real account, two names
	h.d.ResumeEvery = 24 * time.Hour
	cfg := func(name string) *config.Config {
		c := &config.Config{
			State:     filepath.Join(h.dir, "state.db"),
			Timezone:  "UTC",
			Sources:   []config.Source{{Name: "folder", Kind: "folder", Path: filepath.Join(h.dir, "articles"), Poll: 24 * time.Hour}},
			Networks:  []config.Account{{Name: name, Kind: "outbox", Path: filepath.Join(h.dir, "out.jsonl")}},
			Schedules: []config.Schedule{{Name: "hourly", Cron: "0 * * * *"}},
		}
		c.WithDefaults()
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		return c
	}
	h.start(cfg("masto"))

	h.advanceTo(t0.Add(59 * time.Minute))
	<-pub.started // held by the network
	if err := h.d.Reload(h.ctx, cfg("newsroom")); err != nil {
		t.Fatal(err)
	}
	<-h.reload
	close(pub.hold)
	if r := h.waitFire(); r.Posted() != 1 {
		t.Fatalf("fire in flight across the reload: %+v", r)
	}

	h.firesAfterRename(t, t0)
	checkEachOnce(t, pub.posts)
	recs, err := h.store.History(context.Background(), store.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r.Account != "newsroom" || r.State != store.Posted {
			t.Errorf("post %s: %s under %s, want posted under newsroom", r.ArticleID, r.State, r.Account)
		}
	}
	if len(recs) != 2 {
		t.Errorf("%d posts in the state file, want 2", len(recs))
	}
}

// selfPub is a fakePub whose network says which account it posts as.
type selfPub struct {
	*fakePub
	self  string
	asked chan struct{} // a value per SelfID call
}

func (p *selfPub) SelfID(context.Context) (string, error) {
	p.asked <- struct{}{}
	return p.self, nil
}

// TestDaemon_ReloadRenamesAccountWithNewToken renames the daemon's
// Mastodon account and rotates its token in the same edit, which changes
// its config identity: the network's answer, asked once per token, says it
// is the same account, so its history follows it and nothing is posted
// again.
func TestDaemon_ReloadRenamesAccountWithNewToken(t *testing.T) {
	h := newHarness(t, t0)
	h.write("library.md", article2)
	var logs strings.Builder
	var logMu sync.Mutex
	h.d.Log = slog.New(slog.NewTextHandler(lockedWriter{&logMu, &logs}, nil))
	pub := &selfPub{fakePub: &fakePub{now: h.clock.Now}, self: "mastodon:https://m.example#1", asked: make(chan struct{}, 10)}
	h.d.Open = func(context.Context, config.Account) (publish.Publisher, error) { return pub, nil } // one real account, any name
	h.d.ResumeEvery = 24 * time.Hour
	cfg := func(name, token string) *config.Config {
		c := &config.Config{
			State:     filepath.Join(h.dir, "state.db"),
			Timezone:  "UTC",
			Sources:   []config.Source{{Name: "folder", Kind: "folder", Path: filepath.Join(h.dir, "articles"), Poll: 24 * time.Hour}},
			Networks:  []config.Account{{Name: name, Kind: "mastodon", Server: "https://m.example", AccessToken: config.Secret(token)}},
			Schedules: []config.Schedule{{Name: "hourly", Cron: "0 * * * *"}},
		}
		c.WithDefaults()
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		return c
	}
	h.start(cfg("masto", "token-A"))
	h.advanceTo(t0.Add(59 * time.Minute))
	if r := h.waitFire(); r.Posted() != 1 {
		t.Fatalf("first fire: %+v", r)
	}
	h.settle()

	for range 2 { // the second reload asks nothing: the token was asked
		if err := h.d.Reload(h.ctx, cfg("newsroom", "token-B")); err != nil {
			t.Fatal(err)
		}
		<-h.reload
	}
	h.firesAfterRename(t, t0)
	checkEachOnce(t, pub.posts)
	if n := len(pub.asked); n != 2 {
		t.Errorf("asked who the account is %d times, want once per token", n)
	}
	recs, err := h.store.History(context.Background(), store.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r.Account != "newsroom" {
			t.Errorf("post %s under %s, want newsroom", r.ArticleID, r.Account)
		}
	}
	logMu.Lock()
	defer logMu.Unlock()
	if !strings.Contains(logs.String(), `msg="account renamed: history adopted" from=masto to=newsroom posts=1`) || strings.Contains(logs.String(), "token-") {
		t.Errorf("log:\n%s\nwant the rename, without the token", logs.String())
	}
}

// lockedWriter serializes writes to w.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

// firesAfterRename waits for the daemon to arm its schedules again after
// the rename's reload, then lets the two fires run: the first posts the
// article not yet posted, the second finds nothing new. It stops the
// daemon. (Moving the clock before the daemon waits on it misses the fire.)
func (h *harness) firesAfterRename(t *testing.T, t0 time.Time) {
	t.Helper()
	h.settle()
	h.advanceTo(t0.Add(119 * time.Minute))
	if r := h.waitFire(); r.Posted() != 1 {
		t.Fatalf("first fire under the new name: %+v, want the article not posted yet", r)
	}
	h.settle()
	h.advanceTo(t0.Add(179 * time.Minute))
	if r := h.waitFire(); len(r.Results) != 0 {
		t.Fatalf("second fire under the new name: %+v, want nothing new", r)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
}

// checkEachOnce checks that the two sample articles were each sent once.
func checkEachOnce(t *testing.T, posts []publish.Post) {
	t.Helper()
	var articles []string
	for _, p := range posts {
		articles = append(articles, p.ArticleID)
	}
	slices.Sort(articles)
	if want := []string{"https://news.example/library", "https://news.example/night-train"}; !slices.Equal(articles, want) {
		t.Errorf("posted %q, want each article once", articles)
	}
}

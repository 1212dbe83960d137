package schedule

import (
	"context"
	"path/filepath"
	"slices"
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
	first := <-pub.started // held by the network
	if err := h.d.Reload(h.ctx, cfg("newsroom")); err != nil {
		t.Fatal(err)
	}
	<-h.reload
	close(pub.hold)
	if r := h.waitFire(); r.Posted() != 1 {
		t.Fatalf("fire in flight across the reload: %+v", r)
	}

	h.settle()
	h.advanceTo(t0.Add(119 * time.Minute))
	if r := h.waitFire(); r.Posted() != 1 {
		t.Fatalf("first fire under the new name: %+v", r)
	}
	h.settle()
	h.advanceTo(t0.Add(179 * time.Minute))
	if r := h.waitFire(); len(r.Results) != 0 {
		t.Fatalf("second fire under the new name: %+v, want nothing new", r)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}

	var articles []string
	for _, p := range pub.posts {
		articles = append(articles, p.ArticleID)
	}
	slices.Sort(articles)
	if want := []string{"https://news.example/library", "https://news.example/night-train"}; !slices.Equal(articles, want) {
		t.Errorf("posted %q (the first %s), want each article once", articles, first.ArticleID)
	}
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

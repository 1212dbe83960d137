package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/review"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/teaser"
)

// seedMany proposes n posts of made-up articles to the outbox account, as
// a fire of schedule "morning" would: a queue as long as a busy newsroom's.
func seedMany(t testing.TB, e *env, n int) {
	t.Helper()
	props := make([]store.Proposal, n)
	for i := range props {
		id := fmt.Sprintf("bench:article-%04d", i)
		text := fmt.Sprintf("Story %d: the council votes on the harbour plan tonight. https://news.example.com/%d #Harbour", i, i)
		props[i] = store.Proposal{Schedule: "morning", Post: store.Post{Account: "box", ArticleID: id, Text: text,
			Link: fmt.Sprintf("https://news.example.com/%d", i), Hashtags: []string{"#Harbour"}, Title: fmt.Sprintf("Story %d", i),
			IdempotencyKey: deliver.Key(id, "box")}}
	}
	if _, err := e.st.Propose(context.Background(), time.Now(), props); err != nil {
		t.Fatal(err)
	}
}

// seedShowcase adds what the screenshots show beside setup's outbox posts:
// Mastodon and Bluesky accounts (only configured, never reached) with
// posts in every state, on three schedules.
func seedShowcase(t testing.TB, e *env) {
	t.Helper()
	ctx := context.Background()
	e.cfg.Networks = append(e.cfg.Networks,
		config.Account{Name: "mastodon-main", Kind: "mastodon", Server: "https://social.example"},
		config.Account{Name: "bluesky-main", Kind: "bluesky", Identifier: "news.example.com"})
	e.cfg.Schedules = append(e.cfg.Schedules,
		config.Schedule{Name: "evening", Cron: "30 17 * * 1-5", Review: config.ReviewApprove},
		config.Schedule{Name: "weekend", Cron: "0 10 * * 6,0", Review: config.ReviewApprove})
	e.cfg.WithDefaults()
	recs, err := e.st.Queue(ctx, store.QueueFilter{})
	if err != nil {
		t.Fatal(err)
	}
	sched := []string{"evening", "weekend"}
	for i, r := range recs {
		a, err := e.st.Article(ctx, r.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		res, err := teaser.Compose(a, teaser.Options{Hashtags: 3})
		if err != nil {
			t.Fatal(err)
		}
		var props []store.Proposal
		for _, name := range []string{"mastodon-main", "bluesky-main"} {
			acct, _ := e.cfg.Account(name)
			d, err := networks.PostFor(ctx, acct, nil, res, e.cfg.Teaser, deliver.Key(a.ID, name))
			if err != nil {
				t.Fatal(err)
			}
			props = append(props, store.Proposal{Schedule: sched[(i+len(props))%2], Post: deliver.StoredPost(d.Post, 0)})
		}
		if _, err := e.st.Propose(ctx, time.Now(), props); err != nil {
			t.Fatal(err)
		}
	}
	all, err := e.st.Queue(ctx, store.QueueFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range all {
		switch {
		case i == 0 && r.Account == "box": // posted, through the outbox
			if _, err := e.st.Approve(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
			r, _ = e.st.PostByID(ctx, r.ID)
			if res := review.Send(ctx, e.cfg, e.st, networks.Deps{}, []store.PostRecord{r}, review.SendOptions{}); res[0].Err != nil {
				t.Fatal(res[0].Err)
			}
		case r.Account == "bluesky-main" && strings.Contains(r.ArticleID, "museum"): // failed for good
			if _, err := e.st.Approve(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
			if err := e.st.MarkFailed(ctx, r.ArticleID, r.Account, "bluesky: create record: 401 Unauthorized: invalid identifier or password",
				time.Time{}, time.Now()); err != nil {
				t.Fatal(err)
			}
		case i%3 == 1:
			if _, err := e.st.Approve(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		case i%7 == 5:
			if _, err := e.st.Hold(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
}

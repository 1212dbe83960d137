// Command schema2gen writes store/testdata/schema2.db: a state file at
// schema 2 holding every kind of row, written by the store of the release
// before schema 3 (commit 3de0da8), whose rows were the JSON of untagged Go
// structs. It does not build against the current store; it is kept to show
// how the fixture was made. To make it again:
//
//	git worktree add /tmp/hookline-3de0da8 3de0da8
//	mkdir -p /tmp/hookline-3de0da8/store/testdata/schema2gen
//	cp store/testdata/schema2gen/main.go /tmp/hookline-3de0da8/store/testdata/schema2gen/
//	(cd /tmp/hookline-3de0da8 && go run ./store/testdata/schema2gen /tmp/schema2.db)
//	cp /tmp/schema2.db store/testdata/schema2.db
//
// The expected contents are spelled out in store/fixture_test.go; change
// both together.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: schema2gen OUT.db")
		os.Exit(2)
	}
	if err := write(context.Background(), os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "schema2gen:", err)
		os.Exit(1)
	}
}

// base is the fixture's clock; every stamp is a whole minute after it.
var base = time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)

func at(min int) time.Time { return base.Add(time.Duration(min) * time.Minute) }

func write(ctx context.Context, path string) error {
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return err
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	clock := at(0)
	st.Now = func() time.Time { return clock }

	// A folder article with every field set, hook included.
	kim := &article.Article{
		ID: "folder:articles:kim.txt", Source: "articles/kim.txt", Title: "Kim goes by train",
		Hook:       "Guess who is travelling by train again?",
		Paragraphs: []string{"Kim Jong Un crossed into China by armoured train.", "The train is slow but it is safe."},
		Keywords:   []string{"Kim Jong Un", "armoured train"}, Image: "https://img.example/kim.jpg", Lang: "en",
		Published: at(-60),
	}
	kim.Finish()
	// A feed article with a URL.
	ferry := &article.Article{
		Source: "https://news.example/feed.xml", URL: "https://news.example/ferry", Title: "The ferry runs on batteries",
		Paragraphs: []string{"The ferry to the island now runs on batteries.", "It charges at both ends."},
		Keywords:   []string{"ferry"}, Lang: "en-GB", Published: at(-30),
	}
	ferry.Finish()
	// A feed's back catalogue: seen, never to be posted.
	old := &article.Article{
		Source: "https://news.example/feed.xml", URL: "https://news.example/old", Title: "An old story",
		Paragraphs: []string{"From before the feed was added."}, Published: at(-10000),
	}
	old.Finish()
	for _, a := range []struct {
		src      string
		a        *article.Article
		seenOnly bool
	}{{"articles", kim, false}, {"blog", ferry, false}, {"blog", old, true}} {
		if _, err := st.UpsertArticle(ctx, a.src, a.a, a.seenOnly); err != nil {
			return err
		}
		clock = clock.Add(time.Minute)
	}

	post := func(a *article.Article, account, key, link string) publish.Post {
		return publish.Post{
			Account: account, ArticleID: a.ID, Text: a.Title + ". " + link + " #Train #KimJongUn", Link: link,
			Hashtags: []string{"#Train", "#KimJongUn"}, Lang: a.Lang, Title: a.Title, Description: "Kim crosses by train.",
			Image: a.Image, IdempotencyKey: key,
		}
	}
	claim := func(p publish.Post, now time.Time) error {
		c, err := st.Claim(ctx, store.ClaimRequest{Post: p, Now: now})
		if err != nil {
			return err
		}
		if c.Outcome != store.ClaimSend {
			return fmt.Errorf("claim %s × %s: %v %s", p.ArticleID, p.Account, c.Outcome, c.Reason)
		}
		return nil
	}

	// Posted, with a receipt.
	p := post(kim, "x-main", "hl-00000000000000000000000000000001", "https://kim.example/train?utm_source=x")
	if err := claim(p, at(10)); err != nil {
		return err
	}
	if err := st.MarkPosted(ctx, p.ArticleID, p.Account, publish.Receipt{ID: "1900000000000000001", URL: "https://x.com/i/status/1900000000000000001", At: at(11)}, "", at(12)); err != nil {
		return err
	}
	// Mid-flight: claimed, sent maybe, never recorded (the process died).
	p = post(kim, "mastodon", "hl-00000000000000000000000000000002", "https://kim.example/train?utm_source=mastodon")
	if err := claim(p, at(13)); err != nil {
		return err
	}
	// Failed, retry due later.
	p = post(ferry, "x-main", "hl-00000000000000000000000000000003", ferry.URL)
	p.Hashtags, p.Image, p.Description = []string{"#Ferry"}, "", ""
	if err := claim(p, at(20)); err != nil {
		return err
	}
	if err := st.MarkFailed(ctx, p.ArticleID, p.Account, "x: post tweet: 503 Service Unavailable", at(50), at(21)); err != nil {
		return err
	}
	// Failed for good.
	p = post(ferry, "mastodon", "hl-00000000000000000000000000000004", ferry.URL)
	p.Hashtags = nil
	if err := claim(p, at(22)); err != nil {
		return err
	}
	if err := st.MarkFailed(ctx, p.ArticleID, p.Account, "mastodon: post status: 422: invalid", time.Time{}, at(23)); err != nil {
		return err
	}
	// Skipped: the back catalogue.
	if err := st.Skip(ctx, publish.Post{Account: "x-main", ArticleID: old.ID, IdempotencyKey: "hl-00000000000000000000000000000005", Title: old.Title}, "seen only", at(24)); err != nil {
		return err
	}
	// A hand post of a file no source holds: its article is a stub row; the
	// network had it already.
	hand := &article.Article{ID: "file:///home/kim/draft.md", URL: "https://kim.example/draft", Title: "A draft", Lang: "de"}
	p = post(hand, "bluesky", "hl-00000000000000000000000000000006", hand.URL)
	if err := claim(p, at(30)); err != nil {
		return err
	}
	if err := st.MarkPosted(ctx, p.ArticleID, p.Account, publish.Receipt{ID: "at://did:plc:kim/app.bsky.feed.post/3k", URL: "https://bsky.app/profile/kim/post/3k"}, "duplicate", at(31)); err != nil {
		return err
	}

	if err := st.SetFeedState(ctx, "blog", `"v7"`, "Fri, 14 Mar 2025 08:00:00 GMT"); err != nil {
		return err
	}
	if err := st.SetLastRun(ctx, "morning", at(40)); err != nil {
		return err
	}
	return st.SetToken(ctx, "x-main", "fixture-refresh-token")
}

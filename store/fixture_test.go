package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/article"
)

// schema2Fixture is testdata/schema2.db as written by the release before
// schema 3 (testdata/schema2gen); fixtureAt gives its stamps.
const schema2Fixture = "testdata/schema2.db"

func fixtureAt(min int) time.Time {
	return time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC).Add(time.Duration(min) * time.Minute)
}

// openFixture opens a copy of the schema-2 fixture, migrating it.
func openFixture(t *testing.T) *Store {
	t.Helper()
	data, err := os.ReadFile(schema2Fixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hookline.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The articles of the fixture, field by field.
func fixtureArticles() []*article.Article {
	return []*article.Article{
		{
			ID: "folder:articles:kim.txt", Source: "articles/kim.txt", Title: "Kim goes by train",
			Hook:       "Guess who is travelling by train again?",
			Paragraphs: []string{"Kim Jong Un crossed into China by armoured train.", "The train is slow but it is safe."},
			Keywords:   []string{"Kim Jong Un", "armoured train"}, Image: "https://img.example/kim.jpg", Lang: "en",
			Published: fixtureAt(-60), Hash: "15da9d2b86b29424b14bea936d657f5c48101efade53692fb3fda15f57931445",
		},
		{
			ID: "https://news.example/ferry", Source: "https://news.example/feed.xml", URL: "https://news.example/ferry",
			Title:      "The ferry runs on batteries",
			Paragraphs: []string{"The ferry to the island now runs on batteries.", "It charges at both ends."},
			Keywords:   []string{"ferry"}, Lang: "en-GB", Published: fixtureAt(-30),
			Hash: "c0156cb76b238ef60158f9aa3599322b85153cc0535844953a3e5d5ede31bf47",
		},
		{
			ID: "https://news.example/old", Source: "https://news.example/feed.xml", URL: "https://news.example/old",
			Title: "An old story", Paragraphs: []string{"From before the feed was added."}, Published: fixtureAt(-10000),
			Hash: "6c53bedae355121a9b11cc19aa3f0780157771e5fb3ec8059cc3198e98ed9a59",
		},
		{ID: "file:///home/kim/draft.md", URL: "https://kim.example/draft", Title: "A draft", Published: time.Time{}.UTC()},
	}
}

// The posts of the fixture, newest update first (History's order), field by
// field; Owner is checked apart.
func fixturePosts() []PostRecord {
	kim, ferry := fixtureArticles()[0], fixtureArticles()[1]
	post := func(a *article.Article, account, key, link string) Post {
		return Post{
			Account: account, ArticleID: a.ID, Text: a.Title + ". " + link + " #Train #KimJongUn", Link: link,
			Hashtags: []string{"#Train", "#KimJongUn"}, Lang: a.Lang, Title: a.Title, Description: "Kim crosses by train.",
			Image: a.Image, IdempotencyKey: key,
		}
	}
	draft := post(&article.Article{ID: "file:///home/kim/draft.md", Title: "A draft", Lang: "de"}, "bluesky",
		"hl-00000000000000000000000000000006", "https://kim.example/draft")
	ferryX := post(ferry, "x-main", "hl-00000000000000000000000000000003", ferry.URL)
	ferryX.Hashtags, ferryX.Description = []string{"#Ferry"}, ""
	ferryM := post(ferry, "mastodon", "hl-00000000000000000000000000000004", ferry.URL)
	ferryM.Hashtags = nil
	return []PostRecord{
		{ArticleID: draft.ArticleID, Account: "bluesky", State: Posted, Attempts: 1, IdempotencyKey: draft.IdempotencyKey,
			Post: draft, Title: "A draft", ReceiptID: "at://did:plc:kim/app.bsky.feed.post/3k",
			URL: "https://bsky.app/profile/kim/post/3k", Note: "duplicate", ClaimedAt: fixtureAt(30), CreatedAt: fixtureAt(30),
			UpdatedAt: fixtureAt(31), PostedAt: fixtureAt(31)},
		{ArticleID: "https://news.example/old", Account: "x-main", State: Skipped, IdempotencyKey: "hl-00000000000000000000000000000005",
			ArticleHash: fixtureArticles()[2].Hash, Title: "An old story", Note: "seen only", CreatedAt: fixtureAt(24), UpdatedAt: fixtureAt(24),
			Post: Post{Account: "x-main", ArticleID: "https://news.example/old", Title: "An old story", IdempotencyKey: "hl-00000000000000000000000000000005"}},
		{ArticleID: ferry.ID, Account: "mastodon", State: Failed, Attempts: 1, IdempotencyKey: ferryM.IdempotencyKey,
			ArticleHash: ferry.Hash, Post: ferryM, Title: ferry.Title, LastError: "mastodon: post status: 422: invalid",
			ClaimedAt: fixtureAt(22), CreatedAt: fixtureAt(22), UpdatedAt: fixtureAt(23)},
		{ArticleID: ferry.ID, Account: "x-main", State: Failed, Attempts: 1, IdempotencyKey: ferryX.IdempotencyKey,
			ArticleHash: ferry.Hash, Post: ferryX, Title: ferry.Title, LastError: "x: post tweet: 503 Service Unavailable",
			ClaimedAt: fixtureAt(20), NextAttempt: fixtureAt(50), CreatedAt: fixtureAt(20), UpdatedAt: fixtureAt(21)},
		{ArticleID: kim.ID, Account: "mastodon", State: Posting, Attempts: 1, IdempotencyKey: "hl-00000000000000000000000000000002",
			ArticleHash: kim.Hash, Post: post(kim, "mastodon", "hl-00000000000000000000000000000002", "https://kim.example/train?utm_source=mastodon"),
			Title: kim.Title, ClaimedAt: fixtureAt(13), CreatedAt: fixtureAt(13), UpdatedAt: fixtureAt(13)},
		{ArticleID: kim.ID, Account: "x-main", State: Posted, Attempts: 1, IdempotencyKey: "hl-00000000000000000000000000000001",
			ArticleHash: kim.Hash, Post: post(kim, "x-main", "hl-00000000000000000000000000000001", "https://kim.example/train?utm_source=x"),
			Title: kim.Title, ReceiptID: "1900000000000000001", URL: "https://x.com/i/status/1900000000000000001",
			ClaimedAt: fixtureAt(10), CreatedAt: fixtureAt(10), UpdatedAt: fixtureAt(12), PostedAt: fixtureAt(11)},
	}
}

// A state file written by the release before schema 3 opens with every
// article, post, feed validator, schedule run and token as it was written,
// its JSON in the new format.
func TestOpen_Schema2Fixture(t *testing.T) {
	ctx := context.Background()
	s := openFixture(t)
	if v, err := s.Version(ctx); err != nil || v != SchemaVersion {
		t.Fatalf("version = %d, %v; want %d", v, err, SchemaVersion)
	}

	for _, want := range fixtureArticles() {
		got, err := s.Article(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("article %s:\n got %+v\nwant %+v", want.ID, got, want)
		}
		if want.Hash != "" && got.ContentHash() != want.Hash {
			t.Errorf("article %s: content hash %s, stored %s", want.ID, got.ContentHash(), want.Hash)
		}
	}
	type cols struct {
		source, hash string
		seenOnly     bool
		firstSeen    int64
	}
	wantCols := map[string]cols{
		"folder:articles:kim.txt":    {"articles", fixtureArticles()[0].Hash, false, fixtureAt(0).UnixNano()},
		"https://news.example/ferry": {"blog", fixtureArticles()[1].Hash, false, fixtureAt(1).UnixNano()},
		"https://news.example/old":   {"blog", fixtureArticles()[2].Hash, true, fixtureAt(2).UnixNano()},
		"file:///home/kim/draft.md":  {"", "", false, fixtureAt(30).UnixNano()},
	}
	for id, want := range wantCols {
		var got cols
		if err := s.DB().QueryRow("SELECT source, hash, seen_only, first_seen FROM articles WHERE id = ?", id).
			Scan(&got.source, &got.hash, &got.seenOnly, &got.firstSeen); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("article %s columns = %+v, want %+v", id, got, want)
		}
	}

	recs, err := s.History(ctx, HistoryFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	want := fixturePosts()
	if len(recs) != len(want) {
		t.Fatalf("%d posts, want %d", len(recs), len(want))
	}
	for i := range recs {
		owner := recs[i].Owner
		recs[i].Owner = ""
		// Schema 4 rebuilt the posts table keeping each row's id, the
		// short id people type: the fixture's rows were written in
		// order, so the newest is the sixth.
		if wantID := int64(len(recs) - i); recs[i].ID != wantID {
			t.Errorf("post %d: id %d, want %d (kept through the rebuild)", i, recs[i].ID, wantID)
		}
		recs[i].ID = 0
		if !reflect.DeepEqual(recs[i], want[i]) {
			t.Errorf("post %d:\n got %+v\nwant %+v", i, recs[i], want[i])
		}
		if (owner != "") != (want[i].State == Posting) {
			t.Errorf("post %s × %s: owner %q in state %s", want[i].ArticleID, want[i].Account, owner, want[i].State)
		}
	}

	if etag, lm, err := s.FeedState(ctx, "blog"); err != nil || etag != `"v7"` || lm != "Fri, 14 Mar 2025 08:00:00 GMT" {
		t.Errorf("feed state = %q, %q, %v", etag, lm, err)
	}
	if run, err := s.LastRun(ctx, "morning"); err != nil || !run.Equal(fixtureAt(40)) {
		t.Errorf("last run = %v, %v", run, err)
	}
	if tok, err := s.Token(ctx, "x-main"); err != nil || tok != "fixture-refresh-token" {
		t.Errorf("token = %q, %v", tok, err)
	}

	var old int
	if err := s.DB().QueryRow(`SELECT (SELECT count(*) FROM articles WHERE json_type(data, '$.ID') IS NOT NULL) +
		(SELECT count(*) FROM posts WHERE json_type(post, '$.ArticleID') IS NOT NULL)`).Scan(&old); err != nil || old != 0 {
		t.Errorf("%d rows left in the old format (%v)", old, err)
	}
}

// The post the fixture left posting (its process died before the answer
// was recorded) is due, and claimed again it is resent with the text and
// the idempotency key it was first sent with.
func TestOpen_Schema2FixtureResendsMidFlightPost(t *testing.T) {
	ctx := context.Background()
	s := openFixture(t)
	var midFlight PostRecord
	for _, r := range fixturePosts() {
		if r.State == Posting {
			midFlight = r
		}
	}
	due, err := s.Due(ctx, fixtureAt(45))
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 || due[0].ArticleID != midFlight.ArticleID || due[0].Account != midFlight.Account {
		t.Fatalf("due = %+v, want the posting row only", due)
	}
	// The scheduler's post for it now would be fitted anew; the resend
	// must not use it.
	fresh := midFlight.Post
	fresh.Text, fresh.IdempotencyKey = "refitted", "other-key"
	c, err := s.Claim(ctx, ClaimRequest{Post: fresh, Now: fixtureAt(45)})
	if err != nil {
		t.Fatal(err)
	}
	if c.Outcome != ClaimResend || c.Attempt != 2 || !reflect.DeepEqual(c.Post, midFlight.Post) {
		t.Fatalf("claim = %+v, want a resend of %+v", c, midFlight.Post)
	}
	if !strings.Contains(c.Post.Text, "utm_source=mastodon") || c.Post.IdempotencyKey != "hl-00000000000000000000000000000002" {
		t.Fatalf("resent %q under %q", c.Post.Text, c.Post.IdempotencyKey)
	}
}

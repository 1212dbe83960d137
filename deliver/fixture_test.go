package deliver

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// A post left posting in a state file of the release before schema 3
// (store/testdata/schema2.db, a process that died before recording the
// answer) is resent by Resume after the upgrade with every field it was
// first sent with, the idempotency key among them, and recorded as posted.
func TestResume_Schema2FixtureMidFlight(t *testing.T) {
	ctx := context.Background()
	data, err := os.ReadFile("../store/testdata/schema2.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hookline.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Before the failed post's retry is due (09:50), long after the claim.
	now := time.Date(2025, 3, 14, 9, 45, 0, 0, time.UTC)
	d := &Deliverer{Store: st, Now: func() time.Time { return now }, Rand: func() float64 { return 0.5 }, Log: discardLogger()}
	mastodon, x := &fakePub{}, &fakePub{}
	res := d.Resume(ctx, map[string]publish.Publisher{"mastodon": mastodon, "x-main": x, "bluesky": &fakePub{}})
	if len(res) != 1 || res[0].Err != nil || res[0].State != store.Posted {
		t.Fatalf("results = %+v, want the mid-flight post posted", res)
	}
	link := "https://kim.example/train?utm_source=mastodon"
	want := publish.Post{
		Account: "mastodon", ArticleID: "folder:articles:kim.txt", Text: "Kim goes by train. " + link + " #Train #KimJongUn",
		Link: link, Hashtags: []string{"#Train", "#KimJongUn"}, Lang: "en", Title: "Kim goes by train",
		Description: "Kim crosses by train.", Image: "https://img.example/kim.jpg",
		IdempotencyKey: "hl-00000000000000000000000000000002", Attempt: 2,
	}
	if len(mastodon.sent) != 1 || !reflect.DeepEqual(mastodon.sent[0], want) {
		t.Fatalf("sent %+v\nwant %+v", mastodon.sent, want)
	}
	if x.count() != 0 {
		t.Errorf("x-main was sent %d posts; its failure is not due", x.count())
	}
	rec, err := st.Post(ctx, want.ArticleID, want.Account)
	if err != nil || rec.State != store.Posted || rec.ReceiptID != want.IdempotencyKey || rec.Attempts != 2 {
		t.Errorf("row = %+v, %v", rec, err)
	}
}

package bluesky

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
)

var testNow = time.Date(2026, 3, 4, 5, 6, 7, 890_000_000, time.UTC)

type testEnv struct {
	pds      *fakePDS
	client   *Client
	logs     *bytes.Buffer
	requests *atomic.Int64
}

// setup returns a Client for the fake PDS's account; edit changes the
// account first.
func setup(t *testing.T, edit func(*Config)) testEnv {
	t.Helper()
	pds := newFakePDS(t)
	acct := Config{
		Name: "bluesky-main", Server: pds.srv.URL,
		Identifier: pds.identifier, AppPassword: config.Secret(pds.password),
	}
	if edit != nil {
		edit(&acct)
	}
	var logs bytes.Buffer
	var n atomic.Int64
	c, err := New(acct, Options{
		HTTPClient:  &http.Client{Transport: countingTransport{&n, http.DefaultTransport}},
		ImageClient: http.DefaultClient, // the image servers are on loopback
		Log:         slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:         func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatal(err)
	}
	return testEnv{pds: pds, client: c, logs: &logs, requests: &n}
}

// testPost has multi-byte text (é, an emoji flag, CJK) before its link and
// hashtags, so byte and character offsets differ.
func testPost() publish.Post {
	link := "https://example.com/a/kim?utm_source=bluesky"
	return publish.Post{
		Account:        "bluesky-main",
		ArticleID:      "a1",
		Text:           "Café talks 🇰🇷 東京: Kim Jong Un walked out.\n\n" + link + "\n#KimJongUn #東京",
		Link:           link,
		Hashtags:       []string{"#KimJongUn", "#東京"},
		Title:          "Kim walks out",
		Description:    "The summit ended early.",
		Lang:           "en",
		IdempotencyKey: "hl-0123456789abcdef",
	}
}

func decodeRecord(t *testing.T, raw json.RawMessage) Record {
	t.Helper()
	if raw == nil {
		t.Fatal("no record was created")
	}
	var r Record
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestClient_Publish(t *testing.T) {
	env := setup(t, nil)
	p := testPost()
	got, err := env.client.Publish(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	rkey := RecordKey(p.IdempotencyKey)
	want := publish.Receipt{
		ID:  "at://" + env.pds.did + "/app.bsky.feed.post/" + rkey,
		URL: "https://bsky.app/profile/alice.test/post/" + rkey,
		At:  testNow,
	}
	if got != want {
		t.Errorf("receipt %+v, want %+v", got, want)
	}
	rec := decodeRecord(t, env.pds.record(rkey))
	if rec.Text != p.Text || rec.CreatedAt != "2026-03-04T05:06:07.890Z" || len(rec.Langs) != 1 || rec.Langs[0] != "en" {
		t.Errorf("record %+v", rec)
	}
	wantFacets := []struct {
		start, end int
		typ, value string
	}{
		{strings.Index(p.Text, "https://"), strings.Index(p.Text, "\n#"), FeatureLink, p.Link},
		{strings.Index(p.Text, "#Kim"), strings.Index(p.Text, " #東京"), FeatureTag, "KimJongUn"},
		{strings.Index(p.Text, "#東京"), len(p.Text), FeatureTag, "東京"},
	}
	if len(rec.Facets) != len(wantFacets) {
		t.Fatalf("facets %+v, want %d", rec.Facets, len(wantFacets))
	}
	for i, w := range wantFacets {
		f := rec.Facets[i]
		value := f.Features[0].URI + f.Features[0].Tag
		if f.Index.ByteStart != w.start || f.Index.ByteEnd != w.end || f.Features[0].Type != w.typ || value != w.value {
			t.Errorf("facet %d: %+v, want %d-%d %s %q", i, f, w.start, w.end, w.typ, w.value)
		}
	}
	if rec.Embed == nil || rec.Embed.External.URI != p.Link || rec.Embed.External.Title != p.Title ||
		rec.Embed.External.Description != p.Description || rec.Embed.External.Thumb != nil {
		t.Errorf("card %+v, want the link's without thumb", rec.Embed)
	}
	if n := env.pds.callsTo("com.atproto.repo.uploadBlob"); n != 0 {
		t.Errorf("%d uploads for a post without image", n)
	}

	// A second post reuses the session.
	p2 := p
	p2.IdempotencyKey, p2.Lang = "hl-other", "de"
	if _, err := env.client.Publish(t.Context(), p2); err != nil {
		t.Fatal(err)
	}
	if n := env.pds.callsTo("com.atproto.server.createSession"); n != 1 {
		t.Errorf("%d logins for two posts, want 1", n)
	}
	if rec := decodeRecord(t, env.pds.record(RecordKey("hl-other"))); len(rec.Langs) != 1 || rec.Langs[0] != "de" {
		t.Errorf("langs %v, want the post's [de]", rec.Langs)
	}
}

func TestClient_Publish_noLink(t *testing.T) {
	env := setup(t, nil)
	p := publish.Post{Text: "Just words, no link. #Go", Hashtags: []string{"#Go"}, IdempotencyKey: "k", Lang: "not a language!"}
	if _, err := env.client.Publish(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	rec := decodeRecord(t, env.pds.record(RecordKey("k")))
	if rec.Embed != nil || len(rec.Facets) != 1 || rec.Langs != nil {
		t.Errorf("record %+v, want one tag facet, no card, no langs", rec)
	}
}

func TestClient_Publish_expiredToken(t *testing.T) {
	env := setup(t, nil)
	env.pds.expireAt = 1 // the access token expires after the first post
	p := testPost()
	if _, err := env.client.Publish(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	p.IdempotencyKey = "second"
	if _, err := env.client.Publish(t.Context(), p); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	if got := [3]int{env.pds.callsTo("com.atproto.server.createSession"), env.pds.callsTo("com.atproto.server.refreshSession"), env.pds.callsTo("com.atproto.repo.createRecord")}; got != [3]int{1, 1, 3} {
		t.Errorf("createSession, refreshSession, createRecord calls %v, want [1 1 3]", got)
	}
	if env.pds.record(RecordKey("second")) == nil {
		t.Error("the post after the refresh was not created")
	}
}

func TestClient_Publish_refreshRefused(t *testing.T) {
	env := setup(t, nil)
	env.pds.expireAt = 1
	if _, err := env.client.Publish(t.Context(), testPost()); err != nil {
		t.Fatal(err)
	}
	env.pds.script("com.atproto.server.refreshSession", reply{status: 400, name: "ExpiredToken", message: "Token has expired"})
	p := testPost()
	p.IdempotencyKey = "second"
	if _, err := env.client.Publish(t.Context(), p); err != nil {
		t.Fatalf("after a refused refresh: %v", err)
	}
	if n := env.pds.callsTo("com.atproto.server.createSession"); n != 2 {
		t.Errorf("%d logins, want 2 (the second after the refused refresh)", n)
	}
}

func TestClient_Publish_duplicate(t *testing.T) {
	tests := []struct {
		name string
		dup  reply
	}{
		{"reference PDS: 500", reply{status: 500, name: "InternalServerError", message: "Internal Server Error"}},
		{"400 InvalidRequest", reply{status: 400, name: "InvalidRequest", message: "Record already exists"}},
		{"409 conflict", reply{status: 409, name: "Conflict", message: "record already exists"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := setup(t, nil)
			env.pds.dupReply = tt.dup
			p := testPost()
			first, err := env.client.Publish(t.Context(), p)
			if err != nil {
				t.Fatal(err)
			}
			p.Text = strings.Replace(p.Text, "walked out", "left", 1) // the same post, re-fitted
			second, err := env.client.Publish(t.Context(), p)
			if err != nil {
				t.Fatalf("second Publish: %v", err)
			}
			if second.ID != first.ID || second.URL != first.URL {
				t.Errorf("second receipt %+v, want %+v", second, first)
			}
			if len(env.pds.records) != 1 || env.pds.callsTo("com.atproto.repo.getRecord") != 1 {
				t.Errorf("%d records, %d getRecord calls; want 1 and 1", len(env.pds.records), env.pds.callsTo("com.atproto.repo.getRecord"))
			}
		})
	}
}

func TestClient_Publish_errors(t *testing.T) {
	reset := time.Unix(1_900_000_000, 0)
	tests := []struct {
		name      string
		edit      func(*Config)
		nsid      string
		reply     reply
		wantIs    error
		wantRetry bool
		wantMsg   string
	}{
		{"wrong app password", func(a *Config) { a.AppPassword = "wrong-pass-word-xxxx" }, "", reply{},
			publish.ErrUnauthorized, false, "bluesky-main: 401 unauthorized: the app password was refused; create one under Settings → Privacy and security → App passwords"},
		{"429 on login", nil, "com.atproto.server.createSession",
			reply{status: 429, name: "RateLimitExceeded", message: "Rate Limit Exceeded", header: map[string]string{"ratelimit-reset": "1900000000", "ratelimit-remaining": "0"}},
			nil, true, "429 rate limited"},
		{"429 on create", nil, "com.atproto.repo.createRecord",
			reply{status: 429, name: "RateLimitExceeded", message: "Rate Limit Exceeded", header: map[string]string{"ratelimit-reset": "1900000000"}},
			nil, true, "bluesky-main: create post: 429 rate limited"},
		{"500 on create", nil, "com.atproto.repo.createRecord", reply{status: 500, name: "InternalServerError", message: "Internal Server Error"},
			nil, true, "bluesky-main: create post: server error, will retry"},
		{"502 on login", nil, "com.atproto.server.createSession", reply{status: 502, name: "", message: "Bad Gateway"},
			nil, true, "bluesky-main: log in: server error"},
		{"400 invalid record", nil, "com.atproto.repo.createRecord", reply{status: 400, name: "InvalidRequest", message: "Invalid app.bsky.feed.post record"},
			publish.ErrInvalid, false, "bluesky-main: create post: 400 InvalidRequest: the server refused it: Invalid app.bsky.feed.post record"},
		{"account taken down", nil, "com.atproto.server.createSession", reply{status: 401, name: "AccountTakedown", message: "Account has been taken down"},
			publish.ErrUnauthorized, false, "AccountTakedown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := setup(t, tt.edit)
			if tt.nsid != "" {
				env.pds.script(tt.nsid, tt.reply)
			}
			_, err := env.client.Publish(t.Context(), testPost())
			if err == nil {
				t.Fatal("no error")
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v is not %v", err, tt.wantIs)
			}
			if got := publish.Retryable(err); got != tt.wantRetry {
				t.Errorf("Retryable(%v) = %v, want %v", err, got, tt.wantRetry)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q, want it to contain %q", err, tt.wantMsg)
			}
			var rl *publish.RateLimitError
			if tt.reply.status == 429 && (!errors.As(err, &rl) || !rl.Reset.Equal(reset)) {
				t.Errorf("error %v, want a RateLimitError with reset %v", err, reset)
			}
			assertNoSecrets(t, env, err)
		})
	}
}

// assertNoSecrets fails when the app password or a session token appears
// in err or the logs.
func assertNoSecrets(t *testing.T, env testEnv, err error) {
	t.Helper()
	for _, s := range []string{env.pds.password, "wrong-pass-word-xxxx", "eyJ."} {
		if strings.Contains(err.Error(), s) || strings.Contains(env.logs.String(), s) {
			t.Errorf("secret %q leaked into the error or logs:\n%v\n%s", s, err, env.logs)
		}
	}
}

func TestClient_Publish_concurrent(t *testing.T) {
	env := setup(t, nil)
	env.pds.expireAt = 3 // the token expires while posts are in flight
	const n = 8
	errs := make(chan error, n)
	for i := range n {
		go func() {
			p := testPost()
			p.IdempotencyKey = "k" + strconv.Itoa(i)
			_, err := env.client.Publish(t.Context(), p)
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if len(env.pds.records) != n {
		t.Errorf("%d records, want %d", len(env.pds.records), n)
	}
	if logins := env.pds.callsTo("com.atproto.server.createSession"); logins != 1 {
		t.Errorf("%d logins for %d concurrent posts, want 1", logins, n)
	}
}

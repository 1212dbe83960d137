package bluesky

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
)

// TestPDS posts through Hookline to a real PDS on loopback, started by
// .ci/pds.sh, which writes HOOKLINE_PDS_URL (and more) to
// /tmp/hookline-pds.env; .ci/run sources it before go test.
func TestPDS(t *testing.T) {
	pdsURL := os.Getenv("HOOKLINE_PDS_URL")
	if pdsURL == "" {
		if os.Getenv("HOOKLINE_REQUIRE_PDS") == "1" {
			t.Fatal("HOOKLINE_PDS_URL is not set but HOOKLINE_REQUIRE_PDS=1: .ci/pds.sh did not start the PDS; see its log")
		}
		t.Skip("HOOKLINE_PDS_URL is not set: run `bash .ci/pds.sh && set -a && . /tmp/hookline-pds.env && set +a` first (.ci/run does)")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	domain := os.Getenv("HOOKLINE_PDS_HANDLE_DOMAIN")
	if domain == "" {
		domain = ".test"
	}
	handle, appPassword := pdsAccount(ctx, t, pdsURL, domain)

	img := pngImage(t)
	images := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(img)
	}))
	defer images.Close()

	var requests atomic.Int64
	hc := &http.Client{Transport: countingTransport{&requests, http.DefaultTransport}}
	c, err := New(Config{
		Name: "bluesky-e2e", Server: pdsURL,
		Identifier: handle, AppPassword: config.Secret(appPassword), // no language: the post's
	}, Options{HTTPClient: hc, ImageClient: http.DefaultClient})
	if err != nil {
		t.Fatal(err)
	}

	link := "https://example.com/articles/kim?utm_source=bluesky"
	p := publish.Post{
		Account:        "bluesky-e2e",
		ArticleID:      "art-" + hex.EncodeToString(randomBytes(t, 4)),
		Text:           "Ünïcödé 🇰🇷 before the link: Kim Jong Un's café summit ended early.\n\n" + link + "\n#KimJongUn #Café",
		Link:           link,
		Hashtags:       []string{"#KimJongUn", "#Café"},
		Lang:           "en-US",
		Title:          "Summit ends early",
		Description:    "What happened at the café summit.",
		Image:          images.URL + "/card.png",
		IdempotencyKey: "hl-" + hex.EncodeToString(randomBytes(t, 16)),
	}
	first, err := c.Publish(ctx, p)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	rkey := RecordKey(p.IdempotencyKey)
	if !strings.HasSuffix(first.ID, "/app.bsky.feed.post/"+rkey) || !strings.HasPrefix(first.ID, "at://did:") {
		t.Errorf("receipt id %q, want at://did:…/app.bsky.feed.post/%s", first.ID, rkey)
	}
	if want := "https://bsky.app/profile/" + handle + "/post/" + rkey; first.URL != want {
		t.Errorf("receipt url %q, want %q", first.URL, want)
	}

	got := getRecord(ctx, t, pdsURL, handle, rkey)
	if got.Text != p.Text {
		t.Errorf("text %q, want %q", got.Text, p.Text)
	}
	if len(got.Langs) != 1 || got.Langs[0] != "en-US" {
		t.Errorf("langs %v, want [en-US]", got.Langs)
	}
	wantFacets := map[string]string{link: FeatureLink, "#KimJongUn": FeatureTag, "#Café": FeatureTag}
	if len(got.Facets) != len(wantFacets) {
		t.Errorf("%d facets, want %d: %+v", len(got.Facets), len(wantFacets), got.Facets)
	}
	for _, f := range got.Facets {
		span := p.Text[f.Index.ByteStart:f.Index.ByteEnd]
		if wantFacets[span] != f.Features[0].Type {
			t.Errorf("facet %d-%d covers %q as %s", f.Index.ByteStart, f.Index.ByteEnd, span, f.Features[0].Type)
		}
		if f.Features[0].Type == FeatureTag && "#"+f.Features[0].Tag != span {
			t.Errorf("tag facet value %q for %q", f.Features[0].Tag, span)
		}
		if f.Features[0].Type == FeatureLink && f.Features[0].URI != link {
			t.Errorf("link facet uri %q", f.Features[0].URI)
		}
	}
	if got.Embed == nil || got.Embed.Type != "app.bsky.embed.external" {
		t.Fatalf("embed %+v, want an app.bsky.embed.external card", got.Embed)
	}
	card := got.Embed.External
	if card.URI != link || card.Title != p.Title || card.Description != p.Description {
		t.Errorf("card %+v", card)
	}
	var thumb struct {
		Type     string `json:"$type"`
		MimeType string `json:"mimeType"`
		Size     int    `json:"size"`
		Ref      struct {
			Link string `json:"$link"`
		} `json:"ref"`
	}
	if err := json.Unmarshal(card.Thumb, &thumb); err != nil || thumb.Type != "blob" || thumb.MimeType != "image/png" || thumb.Size != len(img) || thumb.Ref.Link == "" {
		t.Errorf("thumb %s (%v), want a %d-byte image/png blob", card.Thumb, err, len(img))
	}

	// Exactly once: the same post again, from a fresh client as after a
	// restart, is the same record.
	c2, err := New(Config{
		Name: "bluesky-e2e", Server: pdsURL,
		Identifier: handle, AppPassword: config.Secret(appPassword),
	}, Options{HTTPClient: hc})
	if err != nil {
		t.Fatal(err)
	}
	second, err := c2.Publish(ctx, p)
	if err != nil {
		t.Fatalf("Publish again: %v", err)
	}
	if second.ID != first.ID || second.URL != first.URL {
		t.Errorf("second receipt %+v, want the first %+v", second, first)
	}
	if n := countPosts(ctx, t, pdsURL, handle); n != 1 {
		t.Errorf("the repo holds %d posts, want 1", n)
	}

	// Who the account is: its DID, the same whether the config names it by
	// handle or by DID.
	did := strings.Split(strings.TrimPrefix(first.ID, "at://"), "/")[0]
	for _, id := range []string{handle, did} {
		byID, err := New(Config{Name: "bluesky-e2e", Server: pdsURL, Identifier: id, AppPassword: config.Secret(appPassword)}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if self, err := byID.SelfID(ctx); err != nil || self != "bluesky:"+did {
			t.Errorf("SelfID of the account named %s = %q, %v; want bluesky:%s", id, self, err, did)
		}
	}

	// A wrong app password is refused, and says what to do.
	bad, _ := New(Config{Name: "bluesky-e2e", Server: pdsURL, Identifier: handle, AppPassword: "aaaa-bbbb-cccc-dddd"}, Options{})
	if _, err := bad.Publish(ctx, p); !errors.Is(err, publish.ErrUnauthorized) || publish.Retryable(err) ||
		!strings.Contains(err.Error(), "401 unauthorized: the app password was refused") || strings.Contains(err.Error(), "aaaa-bbbb") {
		t.Errorf("wrong app password: %v, want ErrUnauthorized without the password", err)
	}

	// Too long: refused by Hookline, not by the PDS.
	before := requests.Load()
	long := p
	long.Text, long.Link, long.Hashtags = strings.Repeat("é", 301), "", nil
	long.IdempotencyKey += "-long"
	if _, err := c.Publish(ctx, long); !errors.Is(err, publish.ErrInvalid) || !strings.Contains(err.Error(), "301 graphemes") {
		t.Errorf("301-grapheme post: %v, want ErrInvalid naming 301 graphemes", err)
	}
	if n := requests.Load() - before; n != 0 {
		t.Errorf("the 301-grapheme post sent %d requests, want 0", n)
	}
}

// pdsAccount creates an account with a random handle and an app password
// for it.
func pdsAccount(ctx context.Context, t *testing.T, pdsURL, domain string) (handle, appPassword string) {
	t.Helper()
	handle = "hl" + hex.EncodeToString(randomBytes(t, 5)) + domain
	var acct struct {
		AccessJwt string `json:"accessJwt"`
	}
	xrpcPost(ctx, t, pdsURL, "com.atproto.server.createAccount", "", map[string]string{
		"handle": handle, "email": strings.SplitN(handle, ".", 2)[0] + "@example.com",
		"password": hex.EncodeToString(randomBytes(t, 12)),
	}, &acct)
	var ap struct {
		Password string `json:"password"`
	}
	xrpcPost(ctx, t, pdsURL, "com.atproto.server.createAppPassword", acct.AccessJwt, map[string]string{"name": "hookline-e2e"}, &ap)
	if ap.Password == "" {
		t.Fatal("createAppPassword returned no password")
	}
	return handle, ap.Password
}

func xrpcPost(ctx context.Context, t *testing.T, base, nsid, bearer string, in, out any) {
	t.Helper()
	b, _ := json.Marshal(in)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/xrpc/"+nsid, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	xrpcDo(t, req, out)
}

func xrpcDo(t *testing.T, req *http.Request, out any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", req.URL.Path, err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s: %s", req.URL.Path, resp.Status, buf.String())
	}
	if err := json.Unmarshal(buf.Bytes(), out); err != nil {
		t.Fatalf("%s: %v", req.URL.Path, err)
	}
}

func getRecord(ctx context.Context, t *testing.T, base, repo, rkey string) Record {
	t.Helper()
	q := url.Values{"repo": {repo}, "collection": {Collection}, "rkey": {rkey}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/xrpc/com.atproto.repo.getRecord?"+q.Encode(), nil)
	var out struct {
		Value Record `json:"value"`
	}
	xrpcDo(t, req, &out)
	return out.Value
}

func countPosts(ctx context.Context, t *testing.T, base, repo string) int {
	t.Helper()
	q := url.Values{"repo": {repo}, "collection": {Collection}, "limit": {"100"}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/xrpc/com.atproto.repo.listRecords?"+q.Encode(), nil)
	var out struct {
		Records []json.RawMessage `json:"records"`
	}
	xrpcDo(t, req, &out)
	return len(out.Records)
}

type countingTransport struct {
	n    *atomic.Int64
	base http.RoundTripper
}

func (c countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.base.RoundTrip(r)
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// pngImage is a small real PNG.
func pngImage(t *testing.T) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, 40, 21))
	for x := range 40 {
		for y := range 21 {
			m.Set(x, y, color.RGBA{uint8(x * 6), uint8(y * 12), 200, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

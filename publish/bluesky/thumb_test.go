package bluesky

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hookline/hookline/config"
)

func imageServer(t *testing.T, ctype string, body []byte, chunked bool) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		if !chunked {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.Write(body[:len(body)/2])
		w.(http.Flusher).Flush()
		w.Write(body[len(body)/2:])
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/img"
}

func TestClient_Publish_thumb(t *testing.T) {
	img := pngImage(t)
	tests := []struct {
		name      string
		ctype     string
		body      []byte
		chunked   bool
		wantThumb bool
	}{
		{"png", "image/png", img, false, true},
		{"png without content type", "application/octet-stream", img, true, true},
		{"exactly 1,000,000 bytes", "image/jpeg", bytes.Repeat([]byte{0xff}, MaxThumbBytes), false, true},
		{"too big, declared", "image/jpeg", bytes.Repeat([]byte{0xff}, MaxThumbBytes+1), false, false},
		{"too big, chunked", "image/jpeg", bytes.Repeat([]byte{0xff}, MaxThumbBytes+1), true, false},
		{"not an image", "text/html", []byte("<html>hello</html>"), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := setup(t, nil)
			p := testPost()
			p.Image = imageServer(t, tt.ctype, tt.body, tt.chunked)
			if _, err := env.client.Publish(t.Context(), p); err != nil {
				t.Fatal(err)
			}
			rec := decodeRecord(t, env.pds.record(RecordKey(p.IdempotencyKey)))
			if got := rec.Embed.External.Thumb != nil; got != tt.wantThumb {
				t.Errorf("thumb %s, want one: %v", rec.Embed.External.Thumb, tt.wantThumb)
			}
			if uploads := env.pds.callsTo("com.atproto.repo.uploadBlob"); (uploads == 1) != tt.wantThumb {
				t.Errorf("%d uploads", uploads)
			}
			if !tt.wantThumb && !strings.Contains(env.logs.String(), "without thumbnail") {
				t.Errorf("no log says why there is no thumbnail:\n%s", env.logs)
			}
		})
	}
}

func TestClient_Publish_thumbPrivateAddress(t *testing.T) {
	pds := newFakePDS(t)
	var hits atomic.Int64
	img := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	t.Cleanup(img.Close)
	var logs bytes.Buffer
	c, err := New(Config{Name: "bluesky-main", Server: pds.srv.URL, Identifier: pds.identifier, AppPassword: config.Secret(pds.password)},
		Options{Log: slog.New(slog.NewTextHandler(&logs, nil))}) // default ImageClient
	if err != nil {
		t.Fatal(err)
	}
	p := testPost()
	p.Image = img.URL + "/latest/meta-data"
	if _, err := c.Publish(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 0 || pds.callsTo("com.atproto.repo.uploadBlob") != 0 {
		t.Errorf("the loopback image was fetched (%d) or uploaded", hits.Load())
	}
	if !strings.Contains(logs.String(), "without thumbnail") {
		t.Errorf("no log says why:\n%s", logs.String())
	}
}

func TestClient_Publish_thumbRefused(t *testing.T) {
	env := setup(t, nil)
	env.pds.script("com.atproto.repo.uploadBlob", reply{status: 400, name: "BlobTooLarge", message: "This file is too large"})
	p := testPost()
	p.Image = imageServer(t, "image/png", pngImage(t), false)
	if _, err := env.client.Publish(t.Context(), p); err != nil {
		t.Fatalf("a refused thumbnail failed the post: %v", err)
	}
	if rec := decodeRecord(t, env.pds.record(RecordKey(p.IdempotencyKey))); rec.Embed == nil || rec.Embed.External.Thumb != nil {
		t.Errorf("card %+v, want one without thumb", rec.Embed)
	}
	if !strings.Contains(env.logs.String(), "BlobTooLarge") {
		t.Errorf("no log says why:\n%s", env.logs)
	}
}

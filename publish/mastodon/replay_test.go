package mastodon_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/mastodon"
)

// TestPublish_transportNeverResends: a server that ignores Idempotency-Key
// makes the status, then drops the kept-alive connection without an answer.
// Go's transport would re-send the POST by itself (it carries the key); the
// client must send it once and leave the decision to deliver.
func TestPublish_transportNeverResends(t *testing.T) {
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/api/v2/instance":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"configuration":{"statuses":{"max_characters":500,"characters_reserved_per_url":23}}}`)
		case r.Method == http.MethodPost && r.URL.Path == "/api/v1/statuses":
			io.Copy(io.Discard, r.Body)
			posts.Add(1) // made, key ignored
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		default:
			http.Error(w, `{"error":"Record not found"}`, http.StatusNotFound)
		}
	}))
	defer srv.Close()
	c, err := mastodon.New(mastodon.Config{Name: "masto", Server: srv.URL, AccessToken: "tok"}, mastodon.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c.Limits(ctx) // a first request, so the POST goes over a reused connection
	_, err = c.Publish(ctx, publish.Post{Account: "masto", Text: "Story one", IdempotencyKey: "hl-1", Attempt: 1})
	if err == nil {
		t.Fatal("Publish after a dropped connection: no error")
	}
	if n := posts.Load(); n != 1 {
		t.Fatalf("the server got %d POSTs, want 1: the transport re-sent it on its own", n)
	}
}

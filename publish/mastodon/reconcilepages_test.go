package mastodon_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/mastodon"
)

// TestPublish_reconcilePagesBack: a server that ignores Idempotency-Key
// holds the post behind 100 newer statuses (a batch went on after it).
// The resend must find it by paging back with max_id, not post it again.
func TestPublish_reconcilePagesBack(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	type status struct {
		id   int
		text string
	}
	var (
		mu   sync.Mutex
		all  []status // oldest first
		made int
	)
	all = append(all, status{1, "The post made before the crash"})
	for i := range 100 {
		all = append(all, status{i + 2, fmt.Sprintf("A later post of the batch, number %d", i)})
	}
	entity := func(s status) map[string]any {
		return map[string]any{"id": strconv.Itoa(s.id), "content": "<p>" + s.text + "</p>", "url": fmt.Sprintf("https://m.example/@h/%d", s.id),
			"created_at": now.Add(-time.Hour).Format(time.RFC3339), "account": map[string]any{"id": "1"}}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/api/v1/accounts/verify_credentials":
			json.NewEncoder(w).Encode(map[string]any{"id": "1", "username": "h", "acct": "h"})
		case r.URL.Path == "/api/v1/accounts/1/statuses":
			limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
			maxID, err := strconv.Atoi(r.URL.Query().Get("max_id"))
			if err != nil {
				maxID = 1 << 30
			}
			out := []map[string]any{}
			for i := len(all) - 1; i >= 0 && len(out) < min(limit, 40); i-- {
				if all[i].id < maxID {
					out = append(out, entity(all[i]))
				}
			}
			json.NewEncoder(w).Encode(out)
		case r.Method == http.MethodPost && r.URL.Path == "/api/v1/statuses":
			r.ParseForm()
			made++
			s := status{len(all) + 1, r.PostForm.Get("status")}
			all = append(all, s)
			json.NewEncoder(w).Encode(entity(s))
		default:
			http.Error(w, `{"error":"Record not found"}`, http.StatusNotFound)
		}
	}))
	defer srv.Close()
	c, err := mastodon.New(mastodon.Config{Name: "masto", Server: srv.URL, AccessToken: "tok"}, mastodon.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	rc, err := c.Publish(context.Background(), publish.Post{Account: "masto", Text: "The post made before the crash", IdempotencyKey: "hl-1", Attempt: 2})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if made != 0 || rc.ID != "1" {
		t.Fatalf("resend made %d statuses, receipt %+v; want none made and the first status found", made, rc)
	}
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hookline/hookline/teaser/fit"
)

// mastodonStub is a small Mastodon instance: an instance document with a
// short max_characters, and POST /api/v1/statuses honouring Idempotency-Key.
type mastodonStub struct {
	mu       sync.Mutex
	statuses []string // posted texts
	keys     map[string]int
}

func (m *mastodonStub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.URL.Path == "/api/v2/instance":
		fmt.Fprint(w, `{"domain":"stub.example","configuration":{"statuses":{"max_characters":200,"characters_reserved_per_url":23}}}`)
	case r.Method == http.MethodPost && r.URL.Path == "/api/v1/statuses":
		if r.Header.Get("Authorization") != "Bearer tok-SECRET-42" {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"error":"The access token is invalid"}`)
			return
		}
		m.mu.Lock()
		defer m.mu.Unlock()
		key := r.Header.Get("Idempotency-Key")
		id, ok := m.keys[key]
		if !ok {
			m.statuses = append(m.statuses, r.PostFormValue("status"))
			id = len(m.statuses)
			m.keys[key] = id
		}
		fmt.Fprintf(w, `{"id":"%d","url":"https://stub.example/@me/%d","created_at":"2026-03-01T09:00:00.000Z","content":"<p>x</p>"}`, id, id)
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"error":"Record not found"}`)
	}
}

func runHookline(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd, _ := newRoot()
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	err = cmd.ExecuteContext(context.Background())
	return out.String(), errb.String(), err
}

func TestPostCmd_Mastodon(t *testing.T) {
	stub := &mastodonStub{keys: map[string]int{}}
	srv := httptest.NewServer(stub)
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	yaml := fmt.Sprintf(`state: %s
networks:
  - name: masto
    kind: mastodon
    server: %s
    access_token: tok-SECRET-42
  - name: masto-bad
    kind: mastodon
    server: %s
    access_token: tok-WRONG
`, filepath.Join(dir, "state.db"), srv.URL, srv.URL)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join("..", "..", "..", "shared", "articles", "kim-jong-un-china-trip.txt")

	stdout, stderr, err := runHookline(t, "--config", cfg, "post", article)
	if err == nil || err.Error() != "1 of 2 posts failed: masto-bad" {
		t.Errorf("err = %v, want masto-bad to fail", err)
	}
	if stdout != "masto: https://stub.example/@me/1\n" {
		t.Errorf("stdout = %q", stdout)
	}
	if !strings.Contains(stderr, "masto-bad: 401 unauthorized: the access token was refused") || strings.Contains(stderr, "tok-") {
		t.Errorf("stderr = %q, want the 401 without the token", stderr)
	}
	if len(stub.statuses) != 1 {
		t.Fatalf("statuses = %d, want 1", len(stub.statuses))
	}
	// Fitted to the limit the instance announced, not Mastodon's default 500.
	if n := fit.Mastodon(200, 23).Count(stub.statuses[0]); n > 200 || n < 100 {
		t.Errorf("status of %d characters, want at most the instance's 200: %q", n, stub.statuses[0])
	}

	stdout, _, err = runHookline(t, "--config", cfg, "post", article, "--network", "masto")
	if err != nil || stdout != "masto: already posted: https://stub.example/@me/1\n" {
		t.Errorf("second post: stdout %q, err %v", stdout, err)
	}
	if len(stub.statuses) != 1 {
		t.Errorf("statuses = %d after a second post, want 1", len(stub.statuses))
	}
}

// TestPostCmd_XDuplicate: X answers 403 duplicate with no id; the post is
// recorded as posted and the line says so, not "x1: id ".
func TestPostCmd_XDuplicate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/2/tweets" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	yaml := fmt.Sprintf(`state: %s
networks:
  - name: x1
    kind: x
    server: %s
    access_token: tok-SECRET-x
    daily_cap: -1
    monthly_cap: -1
`, filepath.Join(dir, "state.db"), srv.URL)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join("..", "..", "..", "shared", "articles", "kim-jong-un-china-trip.txt")
	stdout, stderr, err := runHookline(t, "--config", cfg, "post", article)
	if err != nil || stdout != "x1: already posted (duplicate)\n" {
		t.Errorf("first post: stdout %q, stderr %q, err %v", stdout, stderr, err)
	}
	stdout, stderr, err = runHookline(t, "--config", cfg, "post", article)
	if err != nil || stdout != "x1: already posted (duplicate)\n" {
		t.Errorf("second post: stdout %q, stderr %q, err %v", stdout, stderr, err)
	}
}

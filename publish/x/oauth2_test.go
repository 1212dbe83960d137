package x_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/x"
	"github.com/hookline/hookline/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), store.Options{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func oauth2Account(server string) x.Config {
	return x.Config{Name: "x-main", Server: server, ClientID: clientID, DailyCap: -1, MonthlyCap: -1}
}

// A clock the test moves.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestClient_PublishRefreshRotation(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	st := openStore(t)
	if err := st.SetToken(ctx, "x-main", "ref-SECRET-0"); err != nil {
		t.Fatal(err)
	}
	clk := &testClock{now: fixedNow}
	var logs bytes.Buffer
	c := newClient(t, oauth2Account(srv.URL()), x.Options{Tokens: st, Now: clk.Now, Log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})

	// No access token yet: refresh, store the rotated refresh token, post.
	if _, err := c.Publish(ctx, post); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if got, _ := st.Token(ctx, "x-main"); got != "ref-SECRET-1" {
		t.Errorf("stored refresh token = %q, want the rotated ref-SECRET-1", got)
	}
	// Still valid: no refresh.
	if _, err := c.Publish(ctx, publish.Post{Account: "x-main", ArticleID: "a2", Text: "second"}); err != nil {
		t.Fatal(err)
	}
	if srv.refreshs != 1 {
		t.Errorf("refreshes = %d, want 1", srv.refreshs)
	}
	// Close to expiry (7200 s): refreshed ahead, rotated again.
	clk.Add(7200*time.Second - time.Minute)
	if _, err := c.Publish(ctx, publish.Post{Account: "x-main", ArticleID: "a3", Text: "third"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Token(ctx, "x-main"); got != "ref-SECRET-2" || srv.refreshs != 2 {
		t.Errorf("after expiry: stored %q, refreshes %d; want ref-SECRET-2, 2", got, srv.refreshs)
	}
	// Revoked early: a 401 refreshes once and retries.
	srv.mu.Lock()
	srv.access = "acc-SECRET-revoked"
	srv.mu.Unlock()
	if _, err := c.Publish(ctx, publish.Post{Account: "x-main", ArticleID: "a4", Text: "fourth"}); err != nil {
		t.Fatalf("after revocation: %v", err)
	}
	if got, _ := st.Token(ctx, "x-main"); got != "ref-SECRET-3" || srv.refreshs != 3 || len(srv.texts) != 4 {
		t.Errorf("after 401: stored %q, refreshes %d, posts %d; want ref-SECRET-3, 3, 4", got, srv.refreshs, len(srv.texts))
	}
	if strings.Contains(logs.String(), "SECRET") {
		t.Errorf("logs leak a token:\n%s", logs.String())
	}
}

func TestClient_PublishRefreshConfidential(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	srv.confidential = true
	st := openStore(t)
	acct := oauth2Account(srv.URL())
	acct.RefreshToken = "ref-SECRET-0" // from config, first use only
	acct.ClientSecret = clientSecret
	if _, err := newClient(t, acct, x.Options{Tokens: st}).Publish(ctx, post); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if got, _ := st.Token(ctx, "x-main"); got != "ref-SECRET-1" {
		t.Errorf("stored %q, want ref-SECRET-1", got)
	}
	// A new process: the stored token wins over the spent one in config.
	if _, err := newClient(t, acct, x.Options{Tokens: st}).Publish(ctx, publish.Post{Account: "x-main", ArticleID: "a2", Text: "again"}); err != nil {
		t.Fatalf("second process: %v", err)
	}
	// Without the client secret the server refuses the client.
	acct.ClientSecret = ""
	_, err := newClient(t, acct, x.Options{Tokens: st}).Publish(ctx, publish.Post{Account: "x-main", ArticleID: "a3", Text: "third"})
	if !errors.Is(err, publish.ErrUnauthorized) {
		t.Errorf("err = %v, want ErrUnauthorized", err)
	}
}

func TestClient_PublishRefreshErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		stored string
		tokens bool
		want   string
	}{
		{"spent refresh token", "ref-SECRET-old", true, "x-main: the refresh token was refused (400 bad request: invalid_request (Value passed for the token was invalid.)); run `hookline auth x x-main`"},
		{"no refresh token", "", true, "x-main: no OAuth 2.0 refresh token stored; run `hookline auth x x-main`"},
		{"no state store", "", false, "x-main: OAuth 2.0 needs the state file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			opts := x.Options{}
			if tt.tokens {
				st := openStore(t)
				if tt.stored != "" {
					if err := st.SetToken(ctx, "x-main", tt.stored); err != nil {
						t.Fatal(err)
					}
				}
				opts.Tokens = st
			}
			_, err := newClient(t, oauth2Account(srv.URL()), opts).Publish(ctx, post)
			if !errors.Is(err, publish.ErrUnauthorized) || publish.Retryable(err) {
				t.Errorf("err = %v, want ErrUnauthorized, not retryable", err)
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant prefix %q", err, tt.want)
			}
			noSecret(t, err)
			if srv.posts != 0 {
				t.Errorf("%d posts sent without a token", srv.posts)
			}
		})
	}
}

// failingTokens stores nothing: SetToken fails.
type failingTokens struct{ token string }

func (f *failingTokens) Token(context.Context, string) (string, error) { return f.token, nil }
func (f *failingTokens) SetToken(context.Context, string, string) error {
	return errors.New("state state.db: disk full")
}

func TestClient_PublishRefreshNotSaved(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	srv.expires = 1 // every post refreshes
	tokens := &failingTokens{token: "ref-SECRET-0"}
	c := newClient(t, oauth2Account(srv.URL()), x.Options{Tokens: tokens})
	for i, text := range []string{"one", "two"} {
		if _, err := c.Publish(ctx, publish.Post{Account: "x-main", ArticleID: text, Text: text}); err != nil {
			t.Fatalf("post %d: %v (the unsaved rotated token must be kept in memory)", i, err)
		}
	}
	if srv.refreshs != 2 {
		t.Errorf("refreshes = %d, want 2", srv.refreshs)
	}
}

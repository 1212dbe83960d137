package bluesky

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
)

func TestClient_Publish_tooLong(t *testing.T) {
	tests := []struct {
		name, text, wantMsg string
	}{
		{"301 graphemes", strings.Repeat("a", 300) + "🇰🇷", "post is 301 graphemes, over Bluesky's 300"},
		{"3001 bytes in 300 graphemes", strings.Repeat("👩‍👩‍👧‍👦", 120) + strings.Repeat("x", 1), "bytes, over Bluesky's 3000"},
		{"empty", "", "post is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := setup(t, nil)
			p := publish.Post{Text: tt.text, IdempotencyKey: "k"}
			_, err := env.client.Publish(t.Context(), p)
			if !errors.Is(err, publish.ErrInvalid) || !strings.Contains(err.Error(), tt.wantMsg) || !strings.HasPrefix(err.Error(), "bluesky-main: ") {
				t.Errorf("error %v, want ErrInvalid naming the account and %q", err, tt.wantMsg)
			}
			if n := env.requests.Load(); n != 0 {
				t.Errorf("%d requests were sent for a post Bluesky would refuse", n)
			}
		})
	}
	// 300 graphemes is allowed.
	env := setup(t, nil)
	if _, err := env.client.Publish(t.Context(), publish.Post{Text: strings.Repeat("é", 300), IdempotencyKey: "k"}); err != nil {
		t.Errorf("300 graphemes: %v", err)
	}
}

func TestClient_Publish_timeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select { // hang until the client gives up or the test ends
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	c, err := New(Config{Name: "bluesky-main", Server: srv.URL, Identifier: "a.test", AppPassword: "pw-secret", Timeout: 50 * time.Millisecond}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Publish(t.Context(), testPost())
	if !errors.Is(err, context.DeadlineExceeded) || !publish.Retryable(err) || !strings.Contains(err.Error(), "timeout") {
		t.Errorf("error %v, want a retryable timeout", err)
	}
	if strings.Contains(err.Error(), "pw-secret") {
		t.Errorf("password in error %v", err)
	}
}

func TestClient_Publish_unreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	c, _ := New(Config{Name: "bluesky-main", Server: srv.URL, Identifier: "a.test", AppPassword: "pw"}, Options{})
	_, err := c.Publish(t.Context(), testPost())
	if err == nil || !publish.Retryable(err) || !strings.HasPrefix(err.Error(), "bluesky-main: log in: ") {
		t.Errorf("error %v, want a retryable one naming the account and step", err)
	}
}

func TestClient_DryRun(t *testing.T) {
	env := setup(t, nil)
	method, target, body, err := env.client.DryRun(t.Context(), testPost())
	if err != nil {
		t.Fatal(err)
	}
	if method != http.MethodPost || target != env.pds.srv.URL+"/xrpc/com.atproto.repo.createRecord" {
		t.Errorf("%s %s", method, target)
	}
	if err := env.pds.lex.Input("com.atproto.repo.createRecord", body); err != nil {
		t.Errorf("dry-run body does not follow createRecord's lexicon: %v\n%s", err, body)
	}
	if strings.Contains(string(body), env.pds.password) {
		t.Error("dry-run body holds the app password")
	}
	if n := env.requests.Load(); n != 0 {
		t.Errorf("DryRun sent %d requests", n)
	}
	if _, _, _, err := env.client.DryRun(t.Context(), publish.Post{Text: strings.Repeat("x", 301)}); !errors.Is(err, publish.ErrInvalid) {
		t.Errorf("dry run of a 301-grapheme post: %v, want ErrInvalid", err)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		acct    Config
		wantErr string
	}{
		{"defaults", Config{Name: "b", Identifier: "a.bsky.social", AppPassword: "p"}, ""},
		{"no identifier", Config{Name: "b", AppPassword: "p"}, "b: identifier: required for kind bluesky"},
		{"no app password", Config{Name: "b", Identifier: "a"}, "b: app_password: required for kind bluesky: create one under Settings"},
		{"bad server", Config{Name: "b", Server: "bsky.social", Identifier: "a", AppPassword: "p"}, `b: server "bsky.social" is not an http(s) URL`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.acct, Options{})
			if tt.wantErr == "" {
				if err != nil || c.server != DefaultServer || c.timeout != DefaultTimeout {
					t.Errorf("New = %+v, %v", c, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want %q", err, tt.wantErr)
			}
		})
	}
}

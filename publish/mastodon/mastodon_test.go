package mastodon_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/mastodon"
)

const text = "Kim Jong Un crossed into China by armoured train, and Beijing said nothing for two days.\n\nhttps://example.com/news/kim-jong-un-china-trip?utm_source=mastodon\n#KimJongUn #China"

func account(s *server) mastodon.Config {
	return mastodon.Config{
		Name: "mastodon-main",

		Server:      s.URL(),
		AccessToken: config.Secret(s.token),
		Visibility:  "unlisted",
		SpoilerText: "politics",
	}
}

func newClient(t *testing.T, acct mastodon.Config) *mastodon.Client {
	t.Helper()
	c, err := mastodon.New(acct, mastodon.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func post(key string) publish.Post {
	return publish.Post{
		Account: "mastodon-main", ArticleID: "art-1", Text: text, Lang: "en-GB",
		Link: "https://example.com/news/kim-jong-un-china-trip?utm_source=mastodon", IdempotencyKey: key,
	}
}

func TestClient_Publish(t *testing.T) {
	s := newServer(t)
	r, err := newClient(t, account(s)).Publish(context.Background(), post("key-1"))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "113200000000000001" || r.URL != s.URL()+"/@hookline/113200000000000001" || r.At.IsZero() {
		t.Errorf("receipt = %+v", r)
	}
	reqs := s.log()
	if len(reqs) != 1 {
		t.Fatalf("requests = %d, want 1 (POST statuses)", len(reqs))
	}
	req := reqs[0]
	checks := []struct{ name, got, want string }{
		{"method", req.method, http.MethodPost},
		{"path", req.path, "/api/v1/statuses"},
		{"Authorization", req.header.Get("Authorization"), "Bearer " + s.token},
		{"Idempotency-Key", req.header.Get("Idempotency-Key"), "key-1"},
		{"status", first(req.form["status"]), text},
		{"visibility", first(req.form["visibility"]), "unlisted"},
		{"language", first(req.form["language"]), "en"},
		{"spoiler_text", first(req.form["spoiler_text"]), "politics"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

func TestClient_PublishSettings(t *testing.T) {
	tests := []struct {
		name                   string
		acct                   func(*mastodon.Config)
		lang                   string
		wantVis, wantLang, cw  string
		wantNoKeyHeader, noKey bool
	}{
		{name: "defaults", acct: func(a *mastodon.Config) { a.Visibility, a.SpoilerText = "", "" }, lang: "de", wantVis: "public", wantLang: "de"},
		{name: "no language at all", acct: func(*mastodon.Config) {}, wantVis: "unlisted", cw: "politics"},
		{name: "no idempotency key", acct: func(*mastodon.Config) {}, lang: "en", wantVis: "unlisted", wantLang: "en", cw: "politics", noKey: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			acct := account(s)
			tt.acct(&acct)
			p := post("k")
			p.Lang = tt.lang
			if tt.noKey {
				p.IdempotencyKey = ""
			}
			if _, err := newClient(t, acct).Publish(context.Background(), p); err != nil {
				t.Fatal(err)
			}
			req := s.log()[0]
			if v := first(req.form["visibility"]); v != tt.wantVis {
				t.Errorf("visibility = %q, want %q", v, tt.wantVis)
			}
			if v := first(req.form["language"]); v != tt.wantLang {
				t.Errorf("language = %q, want %q", v, tt.wantLang)
			}
			if v := first(req.form["spoiler_text"]); v != tt.cw {
				t.Errorf("spoiler_text = %q, want %q", v, tt.cw)
			}
			if _, ok := req.header["Idempotency-Key"]; ok == tt.noKey {
				t.Errorf("Idempotency-Key sent = %v, want %v", ok, !tt.noKey)
			}
		})
	}
}

func TestClient_PublishErrors(t *testing.T) {
	reset := time.Date(2026, 3, 1, 10, 5, 0, 0, time.UTC)
	tests := []struct {
		name      string
		setup     func(*server, *mastodon.Config)
		is        error // sentinel the error must wrap; nil for none
		retryable bool
		contains  []string
	}{
		{
			name:     "401 bad token",
			setup:    func(s *server, a *mastodon.Config) { a.AccessToken = "tok-WRONG-0987654321" },
			is:       publish.ErrUnauthorized,
			contains: []string{"mastodon-main: 401 unauthorized: the access token was refused; create a new one under Preferences → Development with write:statuses", "The access token is invalid"},
		},
		{
			name:     "403 missing scope",
			setup:    func(s *server, _ *mastodon.Config) { s.failPost = http.StatusForbidden },
			is:       publish.ErrUnauthorized,
			contains: []string{"mastodon-main: 403 forbidden", "write:statuses", "outside the authorized scopes"},
		},
		{
			name:     "422 too long",
			setup:    func(s *server, _ *mastodon.Config) { s.maxChars = 50 },
			is:       publish.ErrInvalid,
			contains: []string{"mastodon-main: 422 invalid post: Validation failed: Text character limit of 50 exceeded"},
		},
		{
			name:      "429 rate limited",
			setup:     func(s *server, _ *mastodon.Config) { s.failPost, s.rateReset = 429, "2026-03-01T10:05:00.000Z" },
			retryable: true,
			contains:  []string{"mastodon-main: rate limited until 2026-03-01T10:05:00Z: 429 too many requests: Too many requests"},
		},
		{
			name:      "500 server error",
			setup:     func(s *server, _ *mastodon.Config) { s.failPost = 500 },
			retryable: true,
			contains:  []string{"mastodon-main: instance error, will retry: 500 internal server error"},
		},
		{
			name:      "503 unavailable",
			setup:     func(s *server, _ *mastodon.Config) { s.failPost = 503 },
			retryable: true,
			contains:  []string{"503 service unavailable"},
		},
		{
			name: "slow server past the deadline",
			setup: func(s *server, a *mastodon.Config) {
				s.slow = make(chan struct{})
				a.Timeout = 100 * time.Millisecond
			},
			is:        context.DeadlineExceeded,
			retryable: true,
			contains:  []string{"mastodon-main: no answer from " + "http://", "within 100ms (timeout)"},
		},
		{
			name:     "wrong server path",
			setup:    func(s *server, a *mastodon.Config) { a.Server = s.URL() + "/nothing-here" },
			is:       publish.ErrInvalid,
			contains: []string{"404 not found", "check the account's server"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			acct := account(s)
			tt.setup(s, &acct)
			_, err := newClient(t, acct).Publish(context.Background(), post("key-1"))
			if err == nil {
				t.Fatal("Publish succeeded")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want it to wrap %v", err, tt.is)
			}
			if got := publish.Retryable(err); got != tt.retryable {
				t.Errorf("Retryable(%v) = %v, want %v", err, got, tt.retryable)
			}
			for _, want := range tt.contains {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %q, want it to contain %q", err, want)
				}
			}
			for _, secret := range []string{s.token, acct.AccessToken.Value()} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("err %q leaks the token", err)
				}
			}
			if s.created() != 0 {
				t.Errorf("statuses created = %d, want 0", s.created())
			}
			if tt.name == "429 rate limited" {
				var rl *publish.RateLimitError
				if !errors.As(err, &rl) || !rl.Reset.Equal(reset) {
					t.Errorf("err = %#v, want *RateLimitError with Reset %v", err, reset)
				}
				// go-mastodon would sleep and resend; the transport must stop it.
				if n := len(s.log()); n != 1 {
					t.Errorf("requests = %d, want 1: the 429 was retried", n)
				}
			}
		})
	}
}

func TestNew_Errors(t *testing.T) {
	tests := []struct {
		name string
		acct mastodon.Config
		want string
	}{
		{"no server", mastodon.Config{Name: "m", AccessToken: "t"}, "m: server: required for kind mastodon"},
		{"bad server", mastodon.Config{Name: "m", Server: "mastodon.social", AccessToken: "t"}, `m: server "mastodon.social" is not an http(s) URL`},
		{"no token", mastodon.Config{Name: "m", Server: "https://x.test"}, "m: access_token: required for kind mastodon"},
		{"bad visibility", mastodon.Config{Name: "m", Server: "https://x.test", AccessToken: "t", Visibility: "friends"}, `m: visibility: "friends" is not one of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := mastodon.New(tt.acct, mastodon.Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestClient_DryRun(t *testing.T) {
	s := newServer(t)
	method, target, body, err := newClient(t, account(s)).DryRun(context.Background(), post("key-1"))
	if err != nil {
		t.Fatal(err)
	}
	if method != http.MethodPost || target != s.URL()+"/api/v1/statuses" {
		t.Errorf("DryRun = %s %s", method, target)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{"status": {text}, "visibility": {"unlisted"}, "language": {"en"}, "spoiler_text": {"politics"}}
	if got, _ := json.Marshal(form); string(got) != mustJSON(want) {
		t.Errorf("body = %s, want %s", got, mustJSON(want))
	}
	if strings.Contains(string(body), s.token) {
		t.Error("dry run body leaks the token")
	}
	if n := len(s.log()); n != 0 {
		t.Errorf("dry run sent %d requests", n)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

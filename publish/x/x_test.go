package x_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/x"
)

// fixedNow is the tests' clock: a Saturday in November 2026.
var fixedNow = time.Date(2026, 11, 28, 15, 4, 5, 0, time.UTC)

func clock() time.Time { return fixedNow }

func oauth1Account(server string) x.Config {
	return x.Config{
		Name: "x-main", Server: server,
		ConsumerKey: consumerKey, ConsumerSecret: consumerSecret,
		AccessToken: accessToken, AccessSecret: accessSecret,
		DailyCap: -1, MonthlyCap: -1,
	}
}

func newClient(t *testing.T, acct x.Config, opts x.Options) *x.Client {
	t.Helper()
	if opts.Now == nil {
		opts.Now = clock
	}
	c, err := x.New(acct, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

var post = publish.Post{
	Account:   "x-main",
	ArticleID: "a1",
	Text:      "Kim Jong Un crossed into China by train & nobody said why <yet>.\n\nhttps://example.com/kim\n#KimJongUn",
	Link:      "https://example.com/kim",
	Hashtags:  []string{"#KimJongUn"},
	Title:     "Kim's trip", Description: "a description the spec does not allow", Image: "https://example.com/i.jpg",
	Lang: "en", IdempotencyKey: "k1",
}

func TestClient_Publish(t *testing.T) {
	srv := newServer(t)
	c := newClient(t, oauth1Account(srv.URL()), x.Options{})
	r, err := c.Publish(context.Background(), post)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if r.ID != "1850000000000000001" || r.URL != "https://x.com/i/web/status/1850000000000000001" || !r.At.Equal(fixedNow) {
		t.Errorf("receipt = %+v", r)
	}
	if len(srv.texts) != 1 || srv.texts[0] != post.Text {
		t.Errorf("server got %q, want the post's text", srv.texts)
	}
}

func TestClient_PublishBearer(t *testing.T) {
	srv := newServer(t)
	acct := x.Config{Name: "x-main", Server: srv.URL(), AccessToken: "acc-SECRET-0"}
	c := newClient(t, acct, x.Options{})
	if _, err := c.Publish(context.Background(), post); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	acct.AccessToken = "acc-SECRET-wrong"
	_, err := newClient(t, acct, x.Options{}).Publish(context.Background(), post)
	if !errors.Is(err, publish.ErrUnauthorized) || !strings.Contains(err.Error(), "hookline auth x x-main") {
		t.Errorf("wrong bearer token: err = %v, want ErrUnauthorized naming hookline auth", err)
	}
	noSecret(t, err)
}

func TestClient_PublishWrongSignature(t *testing.T) {
	srv := newServer(t)
	acct := oauth1Account(srv.URL())
	acct.AccessSecret = "as-SECRET-wrong"
	_, err := newClient(t, acct, x.Options{}).Publish(context.Background(), post)
	if !errors.Is(err, publish.ErrUnauthorized) {
		t.Fatalf("err = %v, want ErrUnauthorized", err)
	}
	if want := "x-main: 401 unauthorized: the OAuth 1.0a credentials were refused, or the access token lacks write permission; regenerate it with Read and Write"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %q\nwant prefix %q", err, want)
	}
	noSecret(t, err)
}

func TestClient_PublishErrors(t *testing.T) {
	reset := time.Date(2026, 11, 28, 15, 19, 0, 0, time.UTC)
	dayReset := time.Date(2026, 11, 29, 9, 30, 0, 0, time.UTC)
	tests := []struct {
		name      string
		reply     reply
		timeout   time.Duration
		is        error // sentinel, or nil for a retryable error
		retryable bool
		reset     time.Time
		contains  []string
	}{
		{
			name:     "401",
			reply:    reply{status: 401, body: `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`},
			is:       publish.ErrUnauthorized,
			contains: []string{"x-main: 401 unauthorized", "regenerate it with Read and Write", "X said: Unauthorized"},
		},
		{
			name:     "403 unauthorized",
			reply:    reply{status: 403, body: `{"title":"Forbidden","type":"about:blank","status":403,"detail":"Your client app is not configured with the appropriate oauth1 app permissions for this endpoint."}`},
			is:       publish.ErrUnauthorized,
			contains: []string{"x-main: 403 forbidden: the access token lacks write permission", "regenerate it with Read and Write", "oauth1 app permissions"},
		},
		{
			name:     "403 duplicate",
			reply:    reply{status: 403, body: `{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`},
			is:       publish.ErrDuplicate,
			contains: []string{"x-main: 403 duplicate", "duplicate content"},
		},
		{
			name: "429 both resets",
			reply: reply{status: 429, body: `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`, header: map[string]string{
				"x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": jsonNum(reset.Unix()),
				"x-user-limit-24hour-limit": "17", "x-user-limit-24hour-remaining": "0", "x-user-limit-24hour-reset": jsonNum(dayReset.Unix()),
			}},
			retryable: true,
			reset:     dayReset,
			contains:  []string{"x-main: rate limited until 2026-11-29T09:30:00Z", "Hookline posts again after the reset"},
		},
		{
			name: "429 window only",
			reply: reply{status: 429, body: `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`, header: map[string]string{
				"x-rate-limit-remaining": "0", "x-rate-limit-reset": jsonNum(reset.Unix()),
				"x-user-limit-24hour-remaining": "12", "x-user-limit-24hour-reset": jsonNum(dayReset.Unix()),
			}},
			retryable: true,
			reset:     reset,
		},
		{
			name: "400",
			reply: reply{status: 400, problem: true, body: `{"type":"https://api.x.com/2/problems/invalid-request","title":"Invalid Request","detail":"One or more parameters to your request was invalid.",` +
				`"errors":[{"message":"Your Tweet text is too long."}]}`},
			is:       publish.ErrInvalid,
			contains: []string{"x-main: 400 invalid post: One or more parameters to your request was invalid.; Your Tweet text is too long."},
		},
		{
			name:      "500",
			reply:     reply{status: 500, problem: true, body: `{"type":"https://api.x.com/2/problems/internal-error","title":"Internal Error","detail":"Something went wrong."}`},
			retryable: true,
			contains:  []string{"x-main: X server error, will retry: 500 internal server error: Something went wrong."},
		},
		{
			name:      "503 not json",
			reply:     reply{status: 503, body: "<html><body>Over capacity</body></html>"},
			retryable: true,
			contains:  []string{"x-main: X server error, will retry: 503 service unavailable"},
		},
		{
			name:      "connection reset",
			reply:     reply{reset: true},
			retryable: true,
			contains:  []string{"x-main: post to X:", "EOF"},
		},
		{
			name:      "slow server",
			reply:     reply{hang: true},
			timeout:   50 * time.Millisecond,
			retryable: true,
			contains:  []string{"x-main: no answer from http://127.0.0.1:", "within 50ms (timeout)"},
		},
		{
			name:      "malformed 201",
			reply:     reply{status: 201, body: `{"data":{"text":"no id"}}`},
			retryable: true,
			contains:  []string{"x-main: 201 reply without a post id: no data.id"},
		},
		{
			name:      "201 not json",
			reply:     reply{status: 201, body: `{"data":`},
			retryable: true,
			contains:  []string{"x-main: 201 reply without a post id: decode:"},
		},
		{
			name:     "404",
			reply:    reply{status: 404, body: `{"title":"Not Found Error","detail":"Sorry, that page does not exist.","type":"about:blank","status":404}`},
			is:       publish.ErrInvalid,
			contains: []string{"x-main: 404 not found", "check the account's server"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			srv.queue(tt.reply)
			acct := oauth1Account(srv.URL())
			acct.Timeout = tt.timeout
			c := newClient(t, acct, x.Options{})
			_, err := c.Publish(context.Background(), post)
			if err == nil {
				t.Fatal("Publish succeeded, want an error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want errors.Is %v", err, tt.is)
			}
			if got := publish.Retryable(err); got != tt.retryable {
				t.Errorf("Retryable(%v) = %v, want %v", err, got, tt.retryable)
			}
			var rl *publish.RateLimitError
			if errors.As(err, &rl) != !tt.reset.IsZero() || (rl != nil && !rl.Reset.Equal(tt.reset)) {
				t.Errorf("rate limit = %v, want reset %v", rl, tt.reset)
			}
			for _, s := range tt.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("err = %q\nwant it to contain %q", err, s)
				}
			}
			noSecret(t, err)
		})
	}
}

func jsonNum(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func noSecret(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), "SECRET") {
		t.Errorf("error leaks a secret: %v", err)
	}
}

func TestClient_DryRun(t *testing.T) {
	c := newClient(t, oauth1Account("https://api.x.com"), x.Options{})
	method, target, body, err := c.DryRun(context.Background(), post)
	if err != nil {
		t.Fatal(err)
	}
	if method != "POST" || target != "https://api.x.com/2/tweets" {
		t.Errorf("request = %s %s", method, target)
	}
	want := `{"text":"Kim Jong Un crossed into China by train & nobody said why <yet>.\n\nhttps://example.com/kim\n#KimJongUn"}`
	if string(body) != want {
		t.Errorf("body = %s\nwant %s", body, want)
	}
	if err := validate(t, "CreatePostsRequest", body); err != nil {
		t.Errorf("dry-run body does not follow CreatePostsRequest: %v", err)
	}
	if strings.Contains(string(body), "SECRET") {
		t.Error("dry run shows a secret")
	}
}

func TestClient_PublishEmptyText(t *testing.T) {
	srv := newServer(t)
	_, err := newClient(t, oauth1Account(srv.URL()), x.Options{}).Publish(context.Background(), publish.Post{Account: "x-main", ArticleID: "a2", Text: "  "})
	if !errors.Is(err, publish.ErrInvalid) || srv.posts != 0 {
		t.Errorf("err = %v, posts sent %d; want ErrInvalid and nothing sent", err, srv.posts)
	}
}

func TestNew_Errors(t *testing.T) {
	tests := []struct {
		name string
		acct x.Config
		want string
	}{
		{"no credentials", x.Config{Name: "x-main"}, "x-main: kind x needs credentials"},
		{"partial oauth1", x.Config{Name: "x-main", ConsumerKey: "k", AccessToken: "t"}, "x-main: consumer_secret: required for kind x with OAuth 1.0a"},
		{"bad server", x.Config{Name: "x-main", Server: "ftp://x", AccessToken: "t"}, `x-main: server "ftp://x" is not an http(s) URL`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := x.New(tt.acct, x.Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

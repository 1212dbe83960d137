package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/schedule"
	"github.com/hookline/hookline/store"
)

const testToken = "correct-horse-battery-staple"

// env is a review page on a real state file, with an outbox account whose
// posts wait for review: what setup returns.
type env struct {
	srv    *httptest.Server
	base   string // srv.URL + the base path
	st     *store.Store
	cfg    *config.Config
	d      *schedule.Daemon
	outbox string
	s      *Server
}

// setup copies articles from examples/articles into a folder source, runs
// one fire of a review: approve schedule (so each waits for review, one
// post each), and serves the page under basePath.
func setup(t testing.TB, basePath string, articles ...string) *env {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "articles")
	if err := os.Mkdir(src, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		data, err := os.ReadFile(filepath.Join("..", "examples", "articles", a))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, a), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := &env{outbox: filepath.Join(dir, "outbox.jsonl")}
	e.cfg = (&config.Config{
		State:     filepath.Join(dir, "hookline.db"),
		Timezone:  "UTC",
		Sources:   []config.Source{{Name: "news", Kind: config.SourceFolder, Path: src}},
		Networks:  []config.Account{{Name: "box", Kind: "outbox", Path: e.outbox, MaxChars: 280}},
		Schedules: []config.Schedule{{Name: "morning", Cron: "0 9 * * *", Review: config.ReviewApprove, PerRun: len(articles)}},
		Web:       config.Web{Enabled: true, Token: testToken, BasePath: basePath},
	}).WithDefaults()
	if err := e.cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st, err := store.Open(ctx, e.cfg.State, store.Options{Log: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e.st = st
	e.d = &schedule.Daemon{Store: st, Log: log}
	if len(articles) > 0 {
		if _, err := e.d.Once(ctx, e.cfg); err != nil {
			t.Fatal(err)
		}
	}
	s := &Server{Store: st, Config: func() *config.Config { return e.cfg }, BasePath: basePath, Log: log, Daemon: e.d.Handler()}
	e.s = s
	e.srv = httptest.NewServer(s.Handler())
	t.Cleanup(e.srv.Close)
	e.base = e.srv.URL + basePath
	return e
}

// client returns an HTTP client with a cookie jar that does not follow
// redirects, so tests see each answer.
func client(t testing.TB) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// get fetches path (under the base) and returns the status and body.
func get(t testing.TB, c *http.Client, e *env, path string) (int, string) {
	t.Helper()
	resp, err := c.Get(e.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func post(t testing.TB, c *http.Client, e *env, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	resp, err := c.PostForm(e.base+path, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// login signs c in with token and returns the session's CSRF token ("" when
// the login was refused).
func login(t testing.TB, c *http.Client, e *env, token string) (int, string) {
	t.Helper()
	_, body := get(t, c, e, "/login")
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("login form has no CSRF field:\n%s", body)
	}
	resp, _ := post(t, c, e, "/login", url.Values{"csrf": {m[1]}, "token": {token}})
	if resp.StatusCode != http.StatusSeeOther {
		return resp.StatusCode, ""
	}
	_, body = get(t, c, e, "/")
	m = csrfField.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("queue page has no CSRF field:\n%s", body)
	}
	return resp.StatusCode, m[1]
}

// firstPost returns the one post waiting for review.
func firstPost(t testing.TB, e *env) store.PostRecord {
	t.Helper()
	recs, err := e.st.Queue(context.Background(), store.QueueFilter{})
	if err != nil || len(recs) == 0 {
		t.Fatalf("queue: %v, %d posts; want a post under review", err, len(recs))
	}
	return recs[0]
}

func contains(t testing.TB, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

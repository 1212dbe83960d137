package schedule

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/networks"
)

// httpPub posts to an httptest network.
type httpPub struct{ url string }

func (p httpPub) Publish(ctx context.Context, post publish.Post) (publish.Receipt, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, p.url, strings.NewReader(post.Text))
	req.Header.Set("Idempotency-Key", post.IdempotencyKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return publish.Receipt{}, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return publish.Receipt{}, fmt.Errorf("network: %s", resp.Status)
	}
	return publish.Receipt{ID: post.IdempotencyKey}, nil
}

const reloadConfig = `state: %s
timezone: UTC
sources:
  - name: folder
    kind: folder
    path: %s
    poll: 24h
networks:
  - name: net
    kind: outbox
schedules:
%s`

func TestDaemon_ReloadWhilePostInFlight(t *testing.T) {
	h := newHarness(t, t0)
	var requests atomic.Int32
	arrived, release := make(chan struct{}, 4), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		arrived <- struct{}{}
		<-release // hold the post until the test says
	}))
	t.Cleanup(srv.Close)
	h.d.Open = func(context.Context, config.Account) (publish.Publisher, error) { return httpPub{srv.URL}, nil }
	h.d.ResumeEvery = 24 * time.Hour

	path := filepath.Join(h.dir, "config.yaml")
	write := func(schedules string) {
		t.Helper()
		data := fmt.Sprintf(reloadConfig, filepath.Join(h.dir, "state.db"), filepath.Join(h.dir, "articles"), schedules)
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("  - name: a\n    cron: \"0 * * * *\"\n")
	cfg, _, err := config.Load(path, nil, nil, networks.CheckAccount)
	if err != nil {
		t.Fatal(err)
	}
	rejected, ready := make(chan error, 4), make(chan struct{})
	w := &config.Watcher{Path: path, Env: []string{}, Debounce: time.Millisecond,
		OnChange: func(c *config.Config, _ []config.Warning) {
			if err := h.d.Reload(h.ctx, c); err != nil {
				rejected <- err
			}
		},
		OnError: func(err error) { rejected <- err },
		Ready:   func() { close(ready) },
	}
	go w.Run(h.ctx)
	<-ready
	h.start(cfg)

	h.advanceTo(t0.Add(59 * time.Minute)) // a fires; the network holds the post
	<-arrived

	// A good edit: schedule a every 5 minutes, and a new schedule b.
	write("  - name: a\n    cron: \"*/5 * * * *\"\n  - name: b\n    cron: \"30 * * * *\"\n")
	select {
	case <-h.reload:
	case err := <-rejected:
		t.Fatalf("good edit rejected: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("good edit not applied")
	}
	if p := h.d.current(); len(p.jobs) != 2 || p.job("b") == nil {
		t.Fatalf("reloaded jobs: %v", p.jobs)
	}

	// A bad edit is rejected with the key, and the good config stays.
	write("  - name: a\n    cron: \"every now and then\"\n")
	select {
	case err := <-rejected:
		if !strings.Contains(err.Error(), "schedules[0].cron") {
			t.Errorf("rejection does not name the key: %v", err)
		}
	case <-h.reload:
		t.Fatal("bad edit applied")
	case <-time.After(10 * time.Second):
		t.Fatal("bad edit not reported")
	}
	if p := h.d.current(); len(p.jobs) != 2 {
		t.Fatalf("running config changed by a bad edit: %d jobs", len(p.jobs))
	}

	// The held post completes, exactly once.
	close(release)
	r := h.waitFire()
	if r.Schedule != "a" || r.Posted() != 1 {
		t.Fatalf("in-flight fire: %+v", r)
	}
	// The new schedule b runs on the new config (nothing new to post).
	h.settle()
	h.advanceTo(time.Date(2025, 6, 2, 11, 30, 0, 0, time.UTC))
	seen := map[string]bool{}
	for !seen["b"] {
		seen[h.waitFire().Schedule] = true
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("network got %d requests, want 1", n)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
}

package config_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
)

// watchSetup starts a Watcher on a config file in a temp folder and returns
// the file's path and the channels it reports on.
func watchSetup(t *testing.T) (path string, changes chan *config.Config, errs chan error) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "config.yaml")
	writeFile(t, path, "state: ./first.db\n")
	changes, errs = make(chan *config.Config, 10), make(chan error, 10)
	ready, done := make(chan struct{}), make(chan error, 1)
	ctx, cancel := context.WithCancel(context.Background())
	w := &config.Watcher{
		Path:     path,
		Env:      []string{"STATE=./from-env.db"},
		Debounce: 20 * time.Millisecond,
		OnChange: func(c *config.Config, _ []config.Warning) { changes <- c },
		OnError:  func(err error) { errs <- err },
		Ready:    func() { close(ready) },
	}
	go func() { done <- w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	}
	return path, changes, errs
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// replace writes data the way editors do: a new file renamed over the old.
func replace(t *testing.T, path, data string) {
	t.Helper()
	tmp := path + ".swp"
	writeFile(t, tmp, data)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// next waits for the watcher's next report; the timeout only guards a hung test.
func next(t *testing.T, changes chan *config.Config, errs chan error) (*config.Config, error) {
	t.Helper()
	select {
	case c := <-changes:
		return c, nil
	case err := <-errs:
		return nil, err
	case <-time.After(10 * time.Second):
		t.Fatal("no reload within 10s")
		return nil, nil
	}
}

func TestWatcher_GoodAndBadEdits(t *testing.T) {
	path, changes, errs := watchSetup(t)

	writeFile(t, path, "state: ${STATE}\n")
	c, err := next(t, changes, errs)
	if err != nil || c.State != "./from-env.db" {
		t.Fatalf("good edit in place: config %+v, error %v", c, err)
	}

	replace(t, path, "state: ./x.db\nschedules: [{name: a, cron: '0 9 * *'}]\n")
	c, err = next(t, changes, errs)
	if c != nil || err == nil || !strings.Contains(err.Error(), path+": schedules[0].cron: expected 5 fields, got 4") {
		t.Fatalf("bad edit: config %+v, error %v; want the cron error", c, err)
	}

	replace(t, path, "state: ./third.db\n")
	c, err = next(t, changes, errs)
	if err != nil || c.State != "./third.db" {
		t.Fatalf("good edit by rename: config %+v, error %v", c, err)
	}

	writeFile(t, path, "")
	if c, err = next(t, changes, errs); c != nil || err == nil || !strings.Contains(err.Error(), "file is empty") {
		t.Fatalf("emptied file: config %+v, error %v", c, err)
	}

	replace(t, path, "# everything commented out\n# state: ./x.db\n")
	if c, err = next(t, changes, errs); c != nil || err == nil || !strings.Contains(err.Error(), path+": the file is empty") {
		t.Fatalf("commented-out file: config %+v, error %v", c, err)
	}
}

func TestWatcher_IgnoresOtherFiles(t *testing.T) {
	path, changes, errs := watchSetup(t)
	writeFile(t, filepath.Join(filepath.Dir(path), "other.yaml"), "state: nope\n")
	writeFile(t, path, "state: ./mine.db\n")
	c, err := next(t, changes, errs)
	if err != nil || c.State != "./mine.db" {
		t.Fatalf("config %+v, error %v; want only the watched file's edit", c, err)
	}
}

func TestWatcher_Run_MissingFolder(t *testing.T) {
	w := &config.Watcher{Path: filepath.Join(t.TempDir(), "nope", "config.yaml")}
	err := w.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "config: watch") {
		t.Errorf("err = %v, want a watch error", err)
	}
}

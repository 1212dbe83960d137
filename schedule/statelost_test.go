package schedule

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

// TestDaemon_StateFileDeleted deletes the state file under a running
// daemon: the next fire posts nothing, Run ends with ErrGone, and the
// history it held is saved in a copy the error names.
func TestDaemon_StateFileDeleted(t *testing.T) {
	tests := []struct {
		name      string
		breakFile func(t *testing.T, path string)
	}{
		{"deleted", func(t *testing.T, path string) {
			for _, p := range []string{path, path + "-wal", path + "-shm"} {
				if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
					t.Fatal(err)
				}
			}
		}},
		{"replaced", func(t *testing.T, path string) {
			if err := os.Rename(path, path+".old"); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, t0, "box")
			h.d.ResumeEvery = 24 * time.Hour
			h.start(h.config(config.Schedule{Name: "s", Cron: "*/5 * * * *"}))
			h.advanceTo(t0.Add(4 * time.Minute))
			if r := h.waitFire(); r.Posted() != 1 {
				t.Fatalf("first fire: %+v", r)
			}
			h.settle()
			h.write("library.md", article2)
			path := h.store.Path()
			tt.breakFile(t, path)

			h.advanceTo(t0.Add(9 * time.Minute))
			var err error
			select {
			case err = <-h.runErr:
			case <-time.After(20 * time.Second):
				t.Fatal("the daemon runs on after its state file was " + tt.name)
			}
			h.noFire()
			if n := h.pubs["box"].count(); n != 1 {
				t.Errorf("%d posts, want 1: nothing posted once the file is gone", n)
			}
			if !errors.Is(err, store.ErrGone) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Run: %v; want one line wrapping ErrGone", err)
			}
			_, saved, ok := strings.Cut(err.Error(), "history is saved in ")
			saved, _, _ = strings.Cut(saved, ":")
			if !ok || filepath.Dir(saved) != filepath.Dir(path) || !strings.Contains(err.Error(), "mv "+saved+" "+path) {
				t.Fatalf("Run: %v; want it to name the saved copy and the mv that restores it", err)
			}
			st, err := store.Open(h.ctx, saved)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			r, err := st.Post(h.ctx, "https://news.example/night-train", "box")
			if err != nil || r.State != store.Posted {
				t.Fatalf("saved copy: %+v, %v; want the posted row", r, err)
			}
		})
	}
}

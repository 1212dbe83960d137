package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestHistoryCmd_ReadOnlyFolder: history only reads, so it works on a state
// folder it cannot write and creates nothing there.
func TestHistoryCmd_ReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	stateDir := filepath.Join(dir, "state")
	if err := os.Mkdir(stateDir, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.yaml")
	yaml := fmt.Sprintf("state: %s\nnetworks:\n  - name: box\n    kind: outbox\n    path: %s\n",
		filepath.Join(stateDir, "state.db"), filepath.Join(dir, "outbox.jsonl"))
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join("..", "..", "..", "shared", "articles", "kim-jong-un-china-trip.txt")
	if _, stderr, err := runHookline(t, "--config", cfg, "post", article); err != nil {
		t.Fatalf("post: %v\n%s", err, stderr)
	}
	readOnlyFolder(t, stateDir)
	before := listDir(t, stateDir)

	stdout, stderr, err := runHookline(t, "--config", cfg, "history")
	if err != nil {
		t.Fatalf("history on a read-only folder: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "box") || !strings.Contains(stdout, "posted") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if after := listDir(t, stateDir); !slices.Equal(before, after) {
		t.Errorf("history changed the state folder: %v, then %v", before, after)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// readOnlyFolder makes dir read-only: by its mode, or for root (whom the
// mode does not stop) by a read-only tmpfs mounted over it holding a copy of
// its files; the test is skipped where root may not mount.
func readOnlyFolder(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	files := map[string][]byte{}
	for _, name := range listDir(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size=16m"); err != nil {
		t.Skipf("root cannot mount a read-only folder here: %v", err)
	}
	t.Cleanup(func() { unix.Unmount(dir, 0) })
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := unix.Mount("tmpfs", dir, "tmpfs", unix.MS_REMOUNT|unix.MS_RDONLY, ""); err != nil {
		t.Skipf("root cannot remount a folder read-only here: %v", err)
	}
}

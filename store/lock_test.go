package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLockDaemon(t *testing.T) {
	s := setup(t)
	release, err := s.LockDaemon()
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.LockDaemon()
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: err = %v, want ErrLocked", err)
	}
	if want := fmt.Sprintf("pid %d", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Fatalf("second lock: %q does not name %q", err, want)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	release2, err := s.LockDaemon()
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	release2()
}

// TestLockDaemon_sameFileOtherName reaches one state file by other names:
// each must meet the first daemon's lock, not take a lock of its own.
func TestLockDaemon_sameFileOtherName(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "hookline.db")
	if err := os.Mkdir(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	first := open(t, real)
	release, err := first.LockDaemon()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if err := os.Symlink(real, filepath.Join(dir, "link.db")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(real), filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	tests := []struct{ name, path string }{
		{"symlink to the file", filepath.Join(dir, "link.db")},
		{"symlink to its folder", filepath.Join(dir, "linkdir", "hookline.db")},
		{"relative path", filepath.Join("real", "hookline.db")},
		{"relative path through the folder link", filepath.Join("linkdir", "..", "real", "hookline.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t, tt.path)
			rel, err := s.LockDaemon()
			if err == nil {
				rel()
				t.Fatalf("second daemon through %s took the lock beside the first", tt.path)
			}
			if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), real+".lock") {
				t.Fatalf("err = %v, want ErrLocked naming %s.lock", err, real)
			}
		})
	}
}

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

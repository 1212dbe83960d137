//go:build linux

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// tmpfs mounts a small tmpfs for the test (root only) and unmounts it after.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "fs")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0700"); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root with CAP_SYS_ADMIN): %v", err)
	}
	t.Cleanup(func() { unix.Unmount(dir, unix.MNT_DETACH) })
	return dir
}

func fill(t *testing.T, name string) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, unix.ENOSPC) {
				t.Fatalf("fill: %v", err)
			}
			return
		}
	}
}

func TestStore_DiskFull(t *testing.T) {
	ctx := context.Background()
	dir := tmpfs(t, "1m")
	path := filepath.Join(dir, "hookline.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }
	body := strings.Repeat("lorem ipsum ", 800)
	stored := 0
	filler := filepath.Join(dir, "filler")
	fill(t, filler)
	// Leave room for a few articles, so the disk fills mid-way.
	if fi, err := os.Stat(filler); err != nil || os.Truncate(filler, fi.Size()-200<<10) != nil {
		t.Fatal("cannot shrink filler")
	}
	var full error
	var failedID string
	for i := range 200 {
		a := art(fmt.Sprintf("https://e.com/%d", i), "T", time.Time{}, body, fmt.Sprint(i))
		if _, err := s.UpsertArticle(ctx, "blog", a, false); err != nil {
			full, failedID = err, a.ID
			break
		}
		stored++
	}
	if full == nil || stored == 0 {
		t.Fatal("never ran out of space")
	}
	if !errors.Is(full, ErrDiskFull) {
		t.Fatalf("err = %v, want ErrDiskFull", full)
	}
	msg := full.Error()
	t.Logf("after %d articles: %s", stored, msg)
	if !strings.HasPrefix(msg, "state "+path+": disk full") || !strings.Contains(msg, "free space and restart") {
		t.Fatalf("message %q is not clear", msg)
	}
	// Nothing half-written: the failed article is absent, the others whole.
	if _, err := s.Article(ctx, failedID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("failed article: %v, want not found", err)
	}
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil || n != stored {
		t.Fatalf("count = %d, %v; want %d", n, err, stored)
	}
	var check string
	if err := s.DB().QueryRow("PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("quick_check = %q, %v", check, err)
	}
	// Space returns: the same write succeeds.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	a := art(failedID, "T", time.Time{}, body, fmt.Sprint(stored))
	if _, err := s.UpsertArticle(ctx, "blog", a, false); err != nil {
		t.Fatalf("after freeing space: %v", err)
	}
	if _, err := s.Article(ctx, failedID); err != nil {
		t.Fatalf("after freeing space: %v", err)
	}
}

func TestOpen_ReadOnlyFolder(t *testing.T) {
	ctx := context.Background()
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		os.Chmod(dir, 0o500)
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		path := filepath.Join(dir, "hookline.db")
		if _, err := Open(ctx, path); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
			t.Fatalf("err = %v, want ErrReadOnly naming %s", err, path)
		}
		return
	}
	dir := tmpfs(t, "4m")
	path := filepath.Join(dir, "hookline.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.UpsertArticle(ctx, "blog", art("https://e.com/kept", "Kept", time.Time{}, "k"), false)
	s.Close()
	if err := unix.Mount("", dir, "", unix.MS_REMOUNT|unix.MS_RDONLY, ""); err != nil {
		t.Fatalf("remount read-only: %v", err)
	}

	fresh := filepath.Join(dir, "new.db")
	_, err = Open(ctx, fresh)
	if !errors.Is(err, ErrReadOnly) || !strings.HasPrefix(err.Error(), "state "+fresh+": not writable") {
		t.Fatalf("new file in read-only folder: err = %v", err)
	}

	t.Logf("new file: %v", err)
	s, err = Open(ctx, path)
	t.Logf("existing file: open: %v", err)
	if err != nil {
		if !errors.Is(err, ErrReadOnly) || !strings.HasPrefix(err.Error(), "state "+path+": not writable") {
			t.Fatalf("existing file, read-only folder: err = %v, want ErrReadOnly", err)
		}
		return
	}
	defer s.Close()
	_, err = s.UpsertArticle(ctx, "blog", art("https://e.com/new", "New", time.Time{}, "n"), false)
	t.Logf("existing file: write: %v", err)
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write on read-only folder: err = %v, want ErrReadOnly", err)
	}
	if a, err := s.Article(ctx, "https://e.com/kept"); err != nil || a.Title != "Kept" {
		t.Fatalf("kept article: %+v, %v", a, err)
	}
}

package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestOpen_ReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.db")
	if _, err := Open(ctx, path, Options{ReadOnly: true}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing file: %v, want ErrNotFound", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a read-only open created the file: %v", err)
	}

	w, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.SetToken(ctx, "a", "t1"); err != nil {
		t.Fatal(err)
	}
	// A writer has the file open (its -wal holds the commit): read through it.
	r, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if tok, err := r.Token(ctx, "a"); err != nil || tok != "t1" {
		t.Errorf("read-only Token = %q, %v; want t1", tok, err)
	}
	if err := r.SetToken(ctx, "a", "t2"); err == nil {
		t.Error("a read-only store wrote")
	}
	r.Close()
	w.Close()

	// Nobody has it open: read as it is on disk, creating nothing.
	r, err = Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if tok, err := r.Token(ctx, "a"); err != nil || tok != "t1" {
		t.Errorf("read-only Token = %q, %v; want t1", tok, err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("a read-only open created %s", side)
		}
	}
}

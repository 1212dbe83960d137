package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestOpen_emptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hookline.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), path); !errors.Is(err, ErrEmpty) {
		t.Fatalf("Open of a 0-byte file: %v, want ErrEmpty", err)
	}
	s, err := Open(context.Background(), path, Options{Init: true})
	if err != nil {
		t.Fatalf("Open with Init: %v", err)
	}
	defer s.Close()
	if err := s.CheckFile(); err != nil {
		t.Fatalf("CheckFile of the file just opened: %v", err)
	}
}

func TestStore_CheckFile(t *testing.T) {
	tests := []struct {
		name string
		do   func(path string) error
	}{
		{"deleted", os.Remove},
		{"replaced", func(path string) error {
			if err := os.Rename(path, path+".old"); err != nil {
				return err
			}
			return os.WriteFile(path, []byte("x"), 0o600)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := setup(t)
			if err := tt.do(s.Path()); err != nil {
				t.Fatal(err)
			}
			if err := s.CheckFile(); !errors.Is(err, ErrGone) {
				t.Fatalf("CheckFile: %v, want ErrGone", err)
			}
		})
	}
}

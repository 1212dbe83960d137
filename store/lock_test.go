package store

import (
	"errors"
	"fmt"
	"os"
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

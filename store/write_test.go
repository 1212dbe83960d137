package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestStore_WritersQueue has many goroutines write at once: each waits its
// turn in the store, none fails with SQLITE_BUSY, and every write lands.
func TestStore_WritersQueue(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	const writers, each = 32, 20
	when := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := s.SetLastRun(ctx, fmt.Sprintf("s%02d", w), when.Add(time.Duration(i)*time.Minute)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM schedule_runs").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != writers {
		t.Errorf("%d schedules recorded, want %d", n, writers)
	}
	last, err := s.LastRun(ctx, "s07")
	if err != nil || !last.Equal(when.Add((each-1)*time.Minute)) {
		t.Errorf("LastRun(s07) = %v, %v; want the last write %v", last, err, when.Add((each-1)*time.Minute))
	}
}

// TestStore_WriteWaitHonoursContext: a writer waiting for its turn gives up
// when its context ends, with an error that names the state file.
func TestStore_WriteWaitHonoursContext(t *testing.T) {
	s := setup(t)
	release, err := s.write(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err = s.SetLastRun(ctx, "hourly", time.Now())
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("SetLastRun while another writer holds the turn: %v; want context.DeadlineExceeded", err)
	}
	if want := s.path; !containsAll(err.Error(), want, "hourly") {
		t.Errorf("error %q does not name the state file %s and the schedule", err, want)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

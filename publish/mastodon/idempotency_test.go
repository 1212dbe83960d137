package mastodon_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/hookline/hookline/publish"
)

// TestClient_PublishIdempotent covers a post sent again with the same key:
// after a crash before the receipt was stored, after a lost reply, and on
// instances with mastodon/mastodon#40399, which answer a repeated key with 500.
func TestClient_PublishIdempotent(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*server)
		// between runs after the first Publish and before the second.
		between func(*server)
		// wantFirstErr: the first Publish fails (its reply is lost and it
		// cannot look the status up).
		wantFirstErr bool
		// wantSecondErr: the second Publish fails, retryably.
		wantSecondErr bool
	}{
		{name: "repeat returns the same status", setup: func(*server) {}},
		{name: "repeat answered 500 (known bug) is found among recent statuses", setup: func(s *server) { s.bugRepeat500 = true }},
		{name: "lost reply is found at once", setup: func(s *server) { s.dropReply = true }, between: func(s *server) { s.dropReply = false }},
		{
			name:          "known bug without read scope: retryable error, still no duplicate",
			setup:         func(s *server) { s.bugRepeat500, s.noReadScope = true, true },
			wantSecondErr: true,
		},
		{
			name:         "lost reply without read scope: retryable error, then the same status",
			setup:        func(s *server) { s.dropReply, s.noReadScope = true, true },
			between:      func(s *server) { s.dropReply = false },
			wantFirstErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			tt.setup(s)
			c := newClient(t, account(s))
			r1, err1 := c.Publish(context.Background(), post("key-1"))
			if (err1 != nil) != tt.wantFirstErr {
				t.Fatalf("first Publish: err = %v, want error %v", err1, tt.wantFirstErr)
			}
			if err1 != nil && !publish.Retryable(err1) {
				t.Errorf("first error %v is not retryable", err1)
			}
			if tt.between != nil {
				tt.between(s)
			}
			r2, err2 := c.Publish(context.Background(), post("key-1"))
			if (err2 != nil) != tt.wantSecondErr {
				t.Fatalf("second Publish: err = %v, want error %v", err2, tt.wantSecondErr)
			}
			if err2 != nil && (!publish.Retryable(err2) || !strings.Contains(err2.Error(), "500")) {
				t.Errorf("second error %v: want a retryable 500", err2)
			}
			if s.created() != 1 {
				t.Errorf("statuses created = %d, want 1", s.created())
			}
			if err1 == nil && err2 == nil && r1 != r2 {
				t.Errorf("receipts differ: %+v then %+v", r1, r2)
			}
			if err2 == nil && r2.ID != "113200000000000001" {
				t.Errorf("receipt = %+v, want the first status", r2)
			}
		})
	}
}

func TestClient_PublishDifferentKeys(t *testing.T) {
	s := newServer(t)
	c := newClient(t, account(s))
	for _, key := range []string{"key-1", "key-2"} {
		if _, err := c.Publish(context.Background(), post(key)); err != nil {
			t.Fatal(err)
		}
	}
	if s.created() != 2 {
		t.Errorf("statuses created = %d, want 2", s.created())
	}
}

func TestClient_PublishConcurrentSameKey(t *testing.T) {
	s := newServer(t)
	c := newClient(t, account(s))
	var wg sync.WaitGroup
	receipts := make(chan publish.Receipt, 8)
	for range 8 {
		wg.Go(func() {
			r, err := c.Publish(context.Background(), post("key-1"))
			if err != nil {
				t.Error(err)
			}
			receipts <- r
		})
	}
	wg.Wait()
	close(receipts)
	for r := range receipts {
		if r.ID != "113200000000000001" {
			t.Errorf("receipt %+v, want the one status", r)
		}
	}
	if s.created() != 1 {
		t.Errorf("statuses created = %d, want 1", s.created())
	}
}

func TestClient_PublishReconcileIgnoresOtherText(t *testing.T) {
	s := newServer(t)
	c := newClient(t, account(s))
	other := post("key-0")
	other.Text = "Something else entirely. " + text
	if _, err := c.Publish(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	s.failPost = 500
	_, err := c.Publish(context.Background(), post("key-1"))
	if err == nil || !publish.Retryable(err) || errors.Is(err, publish.ErrDuplicate) {
		t.Errorf("err = %v, want a retryable 500: a different status is not this post", err)
	}
}

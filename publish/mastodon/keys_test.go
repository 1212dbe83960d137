package mastodon_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/mastodon"
)

func TestKeySupport(t *testing.T) {
	tests := []struct {
		version         string
		known, honoured bool
	}{
		{"4.5.0-nightly.2025-07-11", true, true},
		{"4.3.2", true, true},
		{"4.2.0+glitch", true, true},
		{"2.7.2", true, true},
		{"2.7.2 (compatible; Pleroma 2.6.0)", true, true},
		{"2.7.2 (compatible; Akkoma 3.13.2)", true, true},
		{"3.0.0 (compatible; Pixelfed 0.12.4)", true, false},
		{"4.0.0 (compatible; Takahe 0.11.0)", true, false},
		{"0.17.3+git-a1b2c3", true, false},
		{"1.6.1", true, false},
		{"", false, false},
		{"nightly", false, false},
		{"v4.3", false, false},
	}
	for _, tt := range tests {
		known, honoured := mastodon.KeySupport(tt.version)
		if known != tt.known || honoured != tt.honoured {
			t.Errorf("KeySupport(%q) = %v, %v; want %v, %v", tt.version, known, honoured, tt.known, tt.honoured)
		}
	}
}

// TestPublish_resendOnKeyIgnoringServer: the first attempt made the status
// but its answer was lost; the resend cannot read the account's statuses
// (a token without read:statuses). An instance that honours the key answers
// the resend with the same status; one known to ignore it would make a
// second, so the resend is not made unless a person asks (ByHand), and the
// error says what to do.
func TestPublish_resendOnKeyIgnoringServer(t *testing.T) {
	tests := []struct {
		name       string
		version    string // "" for an instance that does not tell
		byHand     bool
		wantStatus int   // statuses on the server after the resend
		wantErr    error // nil for a receipt
	}{
		{name: "mastodon honours the key", version: "4.3.2", wantStatus: 1},
		{name: "pleroma honours the key", version: "2.7.2 (compatible; Pleroma 2.6.0)", wantStatus: 1},
		{name: "ignored: not resent", version: "0.17.3", wantStatus: 1, wantErr: publish.ErrUnconfirmed},
		{name: "ignored by a compatible server: not resent", version: "4.0.0 (compatible; Takahe 0.11.0)", wantStatus: 1, wantErr: publish.ErrUnconfirmed},
		{name: "ignored, but a person asked", version: "0.17.3", byHand: true, wantStatus: 2},
		{name: "unknown server: resent under the key", wantStatus: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			s.ignoreKey = !strings.HasPrefix(tt.version, "4.3") && !strings.Contains(tt.version, "Pleroma")
			if tt.version == "" {
				s.noV2, s.noV1 = true, true
			} else {
				s.instanceV2 = withVersion(t, s.instanceV2, tt.version)
			}
			c := newClient(t, account(s))
			p := publish.Post{Account: "masto", Text: "Story one https://example.com/1", IdempotencyKey: "hl-1", Attempt: 1}
			if _, err := c.Publish(t.Context(), p); err != nil {
				t.Fatal(err)
			}
			s.noReadScope = true
			p.Attempt, p.ByHand = 2, tt.byHand
			r, err := c.Publish(t.Context(), p)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && r.ID == "") {
				t.Fatalf("resend: %+v, %v; want error %v", r, err, tt.wantErr)
			}
			if err != nil {
				for _, want := range []string{"masto", "Idempotency-Key", "hookline retry", "read:statuses", tt.version} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q does not say %q", err, want)
					}
				}
				if strings.Contains(err.Error(), s.token) {
					t.Errorf("error carries the token: %v", err)
				}
				if publish.Retryable(err) {
					t.Errorf("Retryable(%v) = true; the daemon would resend it blind", err)
				}
			}
			if n := s.created(); n != tt.wantStatus {
				t.Errorf("server has %d statuses, want %d", n, tt.wantStatus)
			}
		})
	}
}

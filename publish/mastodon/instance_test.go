package mastodon_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/hookline/hookline/publish/mastodon"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/teaser/fit"
)

// withLimits returns the spec's instance document with other status limits,
// so that learned values differ from the defaults.
func withLimits(t *testing.T, doc []byte, maxChars, urlLen int) []byte {
	return editDoc(t, doc, func(m map[string]any) {
		st := m["configuration"].(map[string]any)["statuses"].(map[string]any)
		st["max_characters"], st["characters_reserved_per_url"] = maxChars, urlLen
	})
}

// withVersion returns the instance document with another version.
func withVersion(t *testing.T, doc []byte, version string) []byte {
	return editDoc(t, doc, func(m map[string]any) { m["version"] = version })
}

// editDoc returns the JSON document doc as edit changes it.
func editDoc(t *testing.T, doc []byte, edit func(map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(doc, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestClient_Limits(t *testing.T) {
	tests := []struct {
		name      string
		setup     func(*testing.T, *server, *mastodon.Config)
		want      mastodon.Limits
		wantPaths []string
	}{
		{
			name: "v2",
			setup: func(t *testing.T, s *server, _ *mastodon.Config) {
				s.instanceV2 = withLimits(t, s.instanceV2, 1000, 30)
			},
			want:      mastodon.Limits{MaxChars: 1000, URLLength: 30, Version: "4.5.0-nightly.2025-07-11"},
			wantPaths: []string{"/api/v2/instance"},
		},
		{
			name: "v1 fallback",
			setup: func(t *testing.T, s *server, _ *mastodon.Config) {
				s.noV2 = true
				s.instanceV1 = withLimits(t, s.instanceV1, 700, 25)
			},
			want:      mastodon.Limits{MaxChars: 700, URLLength: 25, Version: "3.5.3"},
			wantPaths: []string{"/api/v2/instance", "/api/v1/instance"},
		},
		{
			name: "v1 of an old server with max_toot_chars",
			setup: func(t *testing.T, s *server, _ *mastodon.Config) {
				s.noV2, s.instanceV1 = true, []byte(`{"uri":"old.example","max_toot_chars":5000}`)
			},
			want:      mastodon.Limits{MaxChars: 5000, URLLength: 23},
			wantPaths: []string{"/api/v2/instance", "/api/v1/instance"},
		},
		{
			name:      "neither: defaults",
			setup:     func(t *testing.T, s *server, _ *mastodon.Config) { s.noV2, s.noV1 = true, true },
			want:      mastodon.Limits{MaxChars: 500, URLLength: 23},
			wantPaths: []string{"/api/v2/instance", "/api/v1/instance"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			acct := account(s)
			tt.setup(t, s, &acct)
			if got := newClient(t, acct).Limits(context.Background()); got != tt.want {
				t.Errorf("Limits = %+v, want %+v", got, tt.want)
			}
			var paths []string
			for _, r := range s.log() {
				paths = append(paths, r.method+" "+r.path)
				if r.header.Get("Authorization") != "" {
					t.Errorf("%s sent the token; instance information is public", r.path)
				}
			}
			if len(paths) != len(tt.wantPaths) {
				t.Errorf("requests = %v, want GET %v", paths, tt.wantPaths)
			}
		})
	}
}

func TestClient_LimitsCached(t *testing.T) {
	s := newServer(t)
	s.instanceV2 = withLimits(t, s.instanceV2, 1000, 30)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	c, err := mastodon.New(account(s), mastodon.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		c.Limits(context.Background())
	}
	if n := len(s.log()); n != 1 {
		t.Errorf("requests = %d, want 1: limits are cached", n)
	}
	now = now.Add(25 * time.Hour)
	if got := c.Limits(context.Background()); got.MaxChars != 1000 {
		t.Errorf("Limits = %+v after a day", got)
	}
	if n := len(s.log()); n != 2 {
		t.Errorf("requests = %d, want 2: limits are asked again after a day", n)
	}
}

func TestClient_LimitsFailureNotCached(t *testing.T) {
	s := newServer(t)
	s.noV2, s.noV1 = true, true
	c := newClient(t, account(s))
	c.Limits(context.Background())
	s.noV2 = false
	s.instanceV2 = withLimits(t, s.instanceV2, 1000, 30)
	if got := c.Limits(context.Background()); got.MaxChars != 1000 {
		t.Errorf("Limits = %+v, want the instance's once it answers", got)
	}
}

func TestClient_Rules(t *testing.T) {
	s := newServer(t)
	s.instanceV2 = withLimits(t, s.instanceV2, 1000, 30)
	r, err := newClient(t, account(s)).Rules(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r != fit.Mastodon(1000, 30) {
		t.Errorf("Rules = %+v, want fit.Mastodon(1000, 30)", r)
	}
}

// TestClient_LimitsCache checks that learned limits are kept in the cache
// (the state file) and that another client of the same instance reads them
// there when the instance does not answer, instead of falling to 500.
func TestClient_LimitsCache(t *testing.T) {
	s := newServer(t)
	s.instanceV2 = withLimits(t, s.instanceV2, 1000, 30)
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "hookline.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	first, err := mastodon.New(account(s), mastodon.Options{Cache: st})
	if err != nil {
		t.Fatal(err)
	}
	first.Limits(t.Context())
	if max, url, version, _, ok, err := st.InstanceLimits(t.Context(), mastodon.Server(account(s))); !ok || err != nil || max != 1000 || url != 30 || version != "4.5.0-nightly.2025-07-11" {
		t.Fatalf("cached limits %d, %d, %q, %v, %v; want 1000, 30, the instance's version", max, url, version, ok, err)
	}
	s.noV2, s.noV1 = true, true
	second, err := mastodon.New(account(s), mastodon.Options{Cache: st})
	if err != nil {
		t.Fatal(err)
	}
	if got := second.Limits(t.Context()); got.MaxChars != 1000 || got.URLLength != 30 || got.Version != "4.5.0-nightly.2025-07-11" {
		t.Errorf("Limits = %+v with the instance down, want the cached 1000/30 and version", got)
	}
}

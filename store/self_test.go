package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

func adoptIDs(t *testing.T, s *Store, accounts map[string]AccountID) []Adopted {
	t.Helper()
	got, err := s.AdoptIdentities(context.Background(), accounts, AdoptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func wantLearned(t *testing.T, s *Store, name, configID, want string) {
	t.Helper()
	got, ok, err := s.LearnedSelf(context.Background(), name, configID)
	if err != nil {
		t.Fatal(err)
	}
	if want == "" && ok || want != "" && (!ok || got != want) {
		t.Errorf("LearnedSelf(%s, %q) = %q, %v; want %q", name, configID, got, ok, want)
	}
}

// TestStore_LearnedSelf: what the network said is kept in the file, per
// name and under the config identity it was asked with: new credentials
// are asked again, and a name renamed with its credentials need not be.
func TestStore_LearnedSelf(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hookline.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	wantLearned(t, s, "masto", "mastodon m1 t1", "")
	adoptIDs(t, s, map[string]AccountID{
		"masto": {Config: "mastodon m1 t1", Self: "mastodon:https://m1#7"},
		"xo":    {Self: "x:12"}, // signed in with hookline auth x: the config cannot tell
		"box":   {Config: "outbox /o"},
	})
	must(t, s.Close())
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wantLearned(t, s, "masto", "mastodon m1 t1", "mastodon:https://m1#7")
	wantLearned(t, s, "newsroom", "mastodon m1 t1", "mastodon:https://m1#7") // renamed, same token
	wantLearned(t, s, "masto", "mastodon m1 t2", "")                         // rotated: ask again
	wantLearned(t, s, "xo", "", "x:12")
	wantLearned(t, s, "other", "", "") // no config identity: only its own name's answer counts
	wantLearned(t, s, "box", "outbox /o", "")

	// Not asked this time: what was learned stands.
	adoptIDs(t, s, map[string]AccountID{"masto": {Config: "mastodon m1 t1"}, "xo": {}})
	wantLearned(t, s, "masto", "mastodon m1 t1", "mastodon:https://m1#7")
	wantLearned(t, s, "xo", "", "x:12")
}

// TestStore_AdoptIdentities_bySelf: an old name whose account, as the
// network said, is a configured name's gives it its history, whatever the
// config identities say; a name whose account is not known keeps its own.
func TestStore_AdoptIdentities_bySelf(t *testing.T) {
	const (
		s1 = "mastodon:https://m1#1"
		s2 = "mastodon:https://m1#2"
	)
	tests := []struct {
		name   string
		before map[string]AccountID
		after  map[string]AccountID
		want   []Adopted
		// history of each name after, as "article=receipt" ("a=1" is the
		// post of the first name of before)
		history map[string][]string
	}{
		{
			name:    "renamed with a rotated token",
			before:  map[string]AccountID{"masto": {Config: "mastodon m1 tA", Self: s1}},
			after:   map[string]AccountID{"newsroom": {Config: "mastodon m1 tB", Self: s1}},
			want:    []Adopted{{From: "masto", To: "newsroom", Posts: 1}},
			history: map[string][]string{"newsroom": {"a=1"}, "masto": nil},
		},
		{
			name:    "x signed in with hookline auth x, renamed",
			before:  map[string]AccountID{"x-old": {Self: "x:42"}},
			after:   map[string]AccountID{"x-new": {Self: "x:42"}},
			want:    []Adopted{{From: "x-old", To: "x-new", Posts: 1}},
			history: map[string][]string{"x-new": {"a=1"}, "x-old": nil},
		},
		{
			name:    "bluesky by handle, then by DID under a new name",
			before:  map[string]AccountID{"sky": {Config: "bluesky https://bsky.social alice.test", Self: "bluesky:did:plc:abc"}},
			after:   map[string]AccountID{"news": {Config: "bluesky https://bsky.social did:plc:abc", Self: "bluesky:did:plc:abc"}},
			want:    []Adopted{{From: "sky", To: "news", Posts: 1}},
			history: map[string][]string{"news": {"a=1"}, "sky": nil},
		},
		{
			name:   "old name kept with another account's token",
			before: map[string]AccountID{"a": {Config: "mastodon m1 tA", Self: s1}},
			after: map[string]AccountID{
				"a": {Config: "mastodon m1 tC", Self: s2},
				"b": {Config: "mastodon m1 tD", Self: s1},
			},
			want:    []Adopted{{From: "a", To: "b", Posts: 1}},
			history: map[string][]string{"b": {"a=1"}, "a": nil},
		},
		{
			name:   "old name kept with new credentials not asked",
			before: map[string]AccountID{"a": {Config: "mastodon m1 tA", Self: s1}},
			after: map[string]AccountID{
				"a": {Config: "mastodon m1 tC"},
				"b": {Config: "mastodon m1 tD", Self: s1},
			},
			history: map[string][]string{"a": {"a=1"}, "b": nil},
		},
		{
			name:    "new name not asked",
			before:  map[string]AccountID{"masto": {Config: "mastodon m1 tA", Self: s1}},
			after:   map[string]AccountID{"newsroom": {Config: "mastodon m1 tB"}},
			history: map[string][]string{"masto": {"a=1"}, "newsroom": nil},
		},
		{
			name:    "another account",
			before:  map[string]AccountID{"masto": {Config: "mastodon m1 tA", Self: s1}},
			after:   map[string]AccountID{"newsroom": {Config: "mastodon m1 tB", Self: s2}},
			history: map[string][]string{"masto": {"a=1"}, "newsroom": nil},
		},
		{
			name:    "renamed with its token and swapped with a renamed one",
			before:  map[string]AccountID{"a": {Config: "mastodon m1 tA", Self: s1}, "b": {Config: "mastodon m1 tB", Self: s2}},
			after:   map[string]AccountID{"b": {Config: "mastodon m1 tA2", Self: s1}, "a": {Config: "mastodon m1 tB2", Self: s2}},
			want:    []Adopted{{From: "a", To: "b", Posts: 1}, {From: "b", To: "a", Posts: 0}},
			history: map[string][]string{"b": {"a=1"}, "a": nil},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := setup(t)
			adoptIDs(t, s, tt.before)
			first := ""
			for name := range tt.before {
				if first == "" || name < first {
					first = name
				}
			}
			posted(t, s, first, "a", "1")
			must(t, s.SetToken(context.Background(), first, "old-token"))
			wantAdopted(t, adoptIDs(t, s, tt.after), tt.want...)
			for name, h := range tt.history {
				wantHistory(t, s, name, h...)
			}
			// Adopted once: the old name is forgotten.
			wantAdopted(t, adoptIDs(t, s, tt.after))
		})
	}
}

// TestStore_AdoptIdentities_bySelfKeepsNewToken: an X account signed in
// again under its new name keeps the new sign-in's token; the old name's
// is dropped.
func TestStore_AdoptIdentities_bySelfKeepsNewToken(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	adoptIDs(t, s, map[string]AccountID{"x-old": {Self: "x:42"}})
	posted(t, s, "x-old", "a", "1")
	must(t, s.SetToken(ctx, "x-old", "old-grant"))
	must(t, s.SetToken(ctx, "x-new", "new-grant")) // hookline auth x x-new
	wantAdopted(t, adoptIDs(t, s, map[string]AccountID{"x-new": {Self: "x:42"}}), Adopted{From: "x-old", To: "x-new", Posts: 1})
	if tok, err := s.Token(ctx, "x-new"); err != nil || tok != "new-grant" {
		t.Errorf("token of x-new = %q, %v; want the new sign-in's", tok, err)
	}
}

// TestStore_AdoptIdentities_sameSelf: two names the network says are one
// account are refused, whether it said so now or before, and nothing is
// recorded.
func TestStore_AdoptIdentities_sameSelf(t *testing.T) {
	s := setup(t)
	adoptIDs(t, s, map[string]AccountID{"sky": {Config: "bluesky https://bsky.social alice.test", Self: "bluesky:did:plc:abc"}})
	for _, accounts := range []map[string]AccountID{
		{
			"sky":  {Config: "bluesky https://bsky.social alice.test", Self: "bluesky:did:plc:abc"},
			"news": {Config: "bluesky https://bsky.social did:plc:abc", Self: "bluesky:did:plc:abc"},
		},
		{
			"sky":  {Config: "bluesky https://bsky.social alice.test"}, // learned before
			"news": {Config: "bluesky https://bsky.social did:plc:abc", Self: "bluesky:did:plc:abc"},
		},
	} {
		_, err := s.AdoptIdentities(context.Background(), accounts, AdoptOptions{})
		var same *SameAccountError
		if !errors.As(err, &same) || same.First != "news" || same.Second != "sky" || same.Self != "bluesky:did:plc:abc" {
			t.Errorf("two entries for one account: %v, want a SameAccountError naming news and sky", err)
		}
	}
	wantLearned(t, s, "news", "bluesky https://bsky.social did:plc:abc", "")
}

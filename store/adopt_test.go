package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var adoptNow = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// posted records articleID as posted to account, with receipt as its id.
func posted(t *testing.T, s *Store, account, articleID, receipt string) {
	t.Helper()
	claimOK(t, s, Post{ArticleID: articleID, Account: account, Text: "hook " + articleID, IdempotencyKey: "key-" + account + articleID}, adoptNow)
	if err := s.MarkPosted(context.Background(), articleID, account, Receipt{ID: receipt}, "", adoptNow); err != nil {
		t.Fatal(err)
	}
}

// configIDs are accounts, name to config identity, as AdoptIdentities
// takes them: no network asked.
func configIDs(accounts map[string]string) map[string]AccountID {
	out := make(map[string]AccountID, len(accounts))
	for name, id := range accounts {
		out[name] = AccountID{Config: id}
	}
	return out
}

func adopt(t *testing.T, s *Store, accounts map[string]string) []Adopted {
	t.Helper()
	got, err := s.AdoptIdentities(context.Background(), configIDs(accounts), AdoptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// history lists account's posts as "article=receipt", sorted.
func history(t *testing.T, s *Store, account string) []string {
	t.Helper()
	recs, err := s.History(context.Background(), HistoryFilter{Account: account, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs {
		if r.Post.Account != r.Account {
			t.Errorf("post %s × %s holds account %q", r.ArticleID, r.Account, r.Post.Account)
		}
		out = append(out, r.ArticleID+"="+r.ReceiptID)
	}
	slices.Sort(out)
	return out
}

func wantHistory(t *testing.T, s *Store, account string, want ...string) {
	t.Helper()
	if got := history(t, s, account); !slices.Equal(got, want) {
		t.Errorf("history of %s = %q, want %q", account, got, want)
	}
}

func wantAdopted(t *testing.T, got []Adopted, want ...Adopted) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("adopted %+v, want %+v", got, want)
	}
}

// TestStore_AdoptIdentities_rename: an account renamed in the config keeps
// its posts and token under its new name, in the file, so that nothing is
// posted again; adopting again changes nothing.
func TestStore_AdoptIdentities_rename(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hookline.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	wantAdopted(t, adopt(t, s, map[string]string{"masto": "mastodon m1", "box": ""}))
	posted(t, s, "masto", "a", "1")
	posted(t, s, "masto", "b", "2")
	posted(t, s, "box", "a", "3")
	must(t, s.SetToken(ctx, "masto", "rotated"))
	must(t, s.Close())

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wantAdopted(t, adopt(t, s, map[string]string{"newsroom": "mastodon m1", "box": ""}), Adopted{From: "masto", To: "newsroom", Posts: 2})
	wantHistory(t, s, "newsroom", "a=1", "b=2")
	wantHistory(t, s, "masto")
	wantHistory(t, s, "box", "a=3")
	if tok, _ := s.Token(ctx, "newsroom"); tok != "rotated" {
		t.Errorf("token of newsroom = %q, want the one masto had", tok)
	}
	c, err := s.Claim(ctx, ClaimRequest{Post: Post{ArticleID: "a", Account: "newsroom", IdempotencyKey: "k2"}, Now: adoptNow})
	if err != nil || c.Outcome != ClaimSkip || c.Prior != Posted {
		t.Errorf("claim of a posted article under the new name = %+v, %v; want a skip", c, err)
	}
	wantAdopted(t, adopt(t, s, map[string]string{"newsroom": "mastodon m1", "box": ""}))
	wantHistory(t, s, "newsroom", "a=1", "b=2")
}

// TestStore_AdoptIdentities_rotate: a name whose credentials change keeps
// its history, and its old identity is forgotten rather than adopted later.
func TestStore_AdoptIdentities_rotate(t *testing.T) {
	s := setup(t)
	adopt(t, s, map[string]string{"masto": "mastodon m1"})
	posted(t, s, "masto", "a", "1")
	wantAdopted(t, adopt(t, s, map[string]string{"masto": "mastodon m2"}))
	wantHistory(t, s, "masto", "a=1")
	wantAdopted(t, adopt(t, s, map[string]string{"masto": "mastodon m2", "other": "mastodon m1"}))
	wantHistory(t, s, "masto", "a=1")
	wantHistory(t, s, "other")
}

// TestStore_AdoptIdentities_conflict: when the new name already has a post
// of an article, that post stays and the old name's stays under the old
// name; the rest moves.
func TestStore_AdoptIdentities_conflict(t *testing.T) {
	s := setup(t)
	posted(t, s, "newsroom", "a", "own") // from before identities were kept
	adopt(t, s, map[string]string{"masto": "mastodon m1"})
	posted(t, s, "masto", "a", "1")
	posted(t, s, "masto", "b", "2")
	wantAdopted(t, adopt(t, s, map[string]string{"newsroom": "mastodon m1"}), Adopted{From: "masto", To: "newsroom", Posts: 1, Left: 1})
	wantHistory(t, s, "newsroom", "a=own", "b=2")
	wantHistory(t, s, "masto", "a=1")
}

// TestStore_AdoptIdentities_swapAndChain: names that trade places trade
// histories; a name renamed while a new account takes the old name leaves
// the new account nothing.
func TestStore_AdoptIdentities_swapAndChain(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	adopt(t, s, map[string]string{"a": "x 1", "b": "x 2"})
	posted(t, s, "a", "one", "1")
	posted(t, s, "b", "two", "2")
	must(t, s.SetToken(ctx, "a", "token-1"))
	wantAdopted(t, adopt(t, s, map[string]string{"a": "x 2", "b": "x 1"}),
		Adopted{From: "a", To: "b", Posts: 1}, Adopted{From: "b", To: "a", Posts: 1})
	wantHistory(t, s, "a", "two=2")
	wantHistory(t, s, "b", "one=1")
	if tok, _ := s.Token(ctx, "b"); tok != "token-1" {
		t.Errorf("token of b = %q, want token-1", tok)
	}
	wantAdopted(t, adopt(t, s, map[string]string{"c": "x 1", "b": "x 3", "a": "x 2"}), Adopted{From: "b", To: "c", Posts: 1})
	wantHistory(t, s, "c", "one=1")
	wantHistory(t, s, "b")
	wantHistory(t, s, "a", "two=2")
}

// TestStore_AdoptIdentities_inFlight: a post in flight when its account is
// renamed (a reload under a running fire) is recorded under the new name,
// and so is what the old config claims afterwards, until the name is
// configured again.
func TestStore_AdoptIdentities_inFlight(t *testing.T) {
	ctx := context.Background()
	s := setup(t)
	adopt(t, s, map[string]string{"masto": "mastodon m1"})
	claimOK(t, s, Post{ArticleID: "a", Account: "masto", IdempotencyKey: "ka"}, adoptNow)
	wantAdopted(t, adopt(t, s, map[string]string{"newsroom": "mastodon m1"}), Adopted{From: "masto", To: "newsroom", Posts: 1})
	must(t, s.MarkPosted(ctx, "a", "masto", Receipt{ID: "1"}, "", adoptNow))
	posted(t, s, "masto", "b", "2")
	wantHistory(t, s, "newsroom", "a=1", "b=2")
	wantHistory(t, s, "masto")
	if c, err := s.Claim(ctx, ClaimRequest{Post: Post{ArticleID: "a", Account: "newsroom", IdempotencyKey: "ka"}, Now: adoptNow}); err != nil || c.Prior != Posted {
		t.Errorf("claim under the new name = %+v, %v; want it found posted", c, err)
	}
	adopt(t, s, map[string]string{"newsroom": "mastodon m1", "masto": "mastodon m9"})
	posted(t, s, "masto", "c", "3")
	wantHistory(t, s, "masto", "c=3")
}

func TestStore_AdoptIdentities_oneIdentityTwice(t *testing.T) {
	s := setup(t)
	_, err := s.AdoptIdentities(context.Background(), configIDs(map[string]string{"a": "x 1", "b": "x 1"}), AdoptOptions{})
	if err == nil {
		t.Fatal("two names with one identity adopted")
	}
	if want := "accounts a and b post as one account"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want %q", err, want)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestStore_AdoptIdentities_notUnderDaemon: a command does not move a
// history while a daemon runs on the file with a config that does not
// have the rename; it records new identities, and moves once the daemon
// is gone.
func TestStore_AdoptIdentities_notUnderDaemon(t *testing.T) {
	ctx := context.Background()
	daemon := setup(t)
	release, err := daemon.LockDaemon()
	if err != nil {
		t.Fatal(err)
	}
	adopt(t, daemon, map[string]string{"masto": "mastodon m1"})
	posted(t, daemon, "masto", "a", "1")

	cmd, err := Open(ctx, daemon.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer cmd.Close()
	got, err := cmd.AdoptIdentities(ctx, configIDs(map[string]string{"newsroom": "mastodon m1", "box": "outbox /o"}), AdoptOptions{NotUnderDaemon: true})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), fmt.Sprintf("newsroom is masto renamed in this config, but the daemon (pid %d)", os.Getpid())) {
		t.Fatalf("adopt beside the daemon = %+v, %v; want a refusal naming the rename and the daemon", got, err)
	}
	wantHistory(t, cmd, "masto", "a=1")
	if _, err := cmd.AdoptIdentities(ctx, configIDs(map[string]string{"masto": "mastodon m1", "box": "outbox /o"}), AdoptOptions{NotUnderDaemon: true}); err != nil {
		t.Errorf("adopt of the daemon's names beside it: %v", err)
	}
	must(t, release())
	got, err = cmd.AdoptIdentities(ctx, configIDs(map[string]string{"newsroom": "mastodon m1", "box": "outbox /o"}), AdoptOptions{NotUnderDaemon: true})
	if err != nil {
		t.Fatal(err)
	}
	wantAdopted(t, got, Adopted{From: "masto", To: "newsroom", Posts: 1})
}

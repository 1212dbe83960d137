package networks_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

// identityAccounts are one account of each kind whose identity the config
// tells, each secret a marker no identity may hold.
func identityAccounts(dir string) []config.Account {
	return []config.Account{
		{Name: "box", Kind: "outbox", Path: filepath.Join(dir, "out.jsonl")},
		{Name: "masto", Kind: "mastodon", Server: "https://m.example", AccessToken: "SECRET-masto-token"},
		{Name: "bsky", Kind: "bluesky", Identifier: "alice.test", AppPassword: "SECRET-app-password"},
		{Name: "x1", Kind: "x", ConsumerKey: "SECRET-consumer-key", ConsumerSecret: "SECRET-consumer-secret",
			AccessToken: "SECRET-x-access-token", AccessSecret: "SECRET-x-access-secret"},
		{Name: "x2", Kind: "x", ClientID: "client", ClientSecret: "SECRET-client-secret", RefreshToken: "SECRET-refresh-token"},
		{Name: "x3", Kind: "x", ClientID: "client", AccessToken: "SECRET-x2-access-token"},
	}
}

func TestIdentity_noSecret(t *testing.T) {
	for _, a := range identityAccounts(t.TempDir()) {
		t.Run(a.Name, func(t *testing.T) {
			id := networks.Identity(a)
			if !strings.HasPrefix(id, a.Kind+" ") {
				t.Fatalf("Identity = %q, want it to start with the kind %q", id, a.Kind)
			}
			if strings.Contains(id, "SECRET") {
				t.Errorf("Identity = %q holds a secret", id)
			}
			if _, got, _ := networks.CheckAccount(a, nil); got != id {
				t.Errorf("CheckAccount's identity = %q, want Identity's %q", got, id)
			}
		})
	}
}

// TestIdentity_sameAccount: entries that name one real account, however
// they are written and named, have one identity.
func TestIdentity_sameAccount(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	must(t, os.Mkdir("real", 0o700))
	must(t, os.WriteFile(filepath.Join("real", "out.jsonl"), nil, 0o600))
	must(t, os.Symlink(filepath.Join(dir, "real", "out.jsonl"), "link.jsonl"))
	must(t, os.Symlink("real", "folder"))
	renamed := func(a config.Account, change func(*config.Account)) config.Account {
		a.Name, a.MaxChars, a.Template = "renamed", 400, "{teaser} {link}"
		if change != nil {
			change(&a)
		}
		return a
	}
	base := identityAccounts(dir)
	tests := []struct {
		name string
		a, b config.Account
	}{
		{"outbox renamed", base[0], renamed(base[0], nil)},
		{"outbox relative path", config.Account{Kind: "outbox", Path: filepath.Join(dir, "real", "out.jsonl")},
			config.Account{Kind: "outbox", Path: "./real/../real/out.jsonl"}},
		{"outbox through a link to the file", config.Account{Kind: "outbox", Path: "real/out.jsonl"},
			config.Account{Kind: "outbox", Path: "link.jsonl"}},
		{"outbox not yet created, through a link to its folder", config.Account{Kind: "outbox", Path: "real/new.jsonl"},
			config.Account{Kind: "outbox", Path: "folder/new.jsonl"}},
		{"mastodon renamed", base[1], renamed(base[1], nil)},
		{"mastodon server written otherwise", base[1], renamed(base[1], func(a *config.Account) { a.Server = "HTTPS://M.Example:443/" })},
		{"mastodon other visibility", base[1], renamed(base[1], func(a *config.Account) { a.Visibility = "unlisted" })},
		{"bluesky renamed", base[2], renamed(base[2], nil)},
		{"bluesky handle written otherwise", base[2], renamed(base[2], func(a *config.Account) { a.Identifier = "@Alice.Test" })},
		{"bluesky default server written", base[2], renamed(base[2], func(a *config.Account) { a.Server = "https://bsky.social/" })},
		{"bluesky other app password", base[2], renamed(base[2], func(a *config.Account) { a.AppPassword = "other" })},
		{"x oauth1 renamed", base[3], renamed(base[3], nil)},
		{"x oauth1 default server written", base[3], renamed(base[3], func(a *config.Account) { a.Server = "https://api.x.com" })},
		{"x oauth2 renamed", base[4], renamed(base[4], nil)},
		{"x oauth2 access token renamed", base[5], renamed(base[5], nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := networks.Identity(tt.a), networks.Identity(tt.b)
			if a == "" || a != b {
				t.Errorf("identities %q and %q, want one, not empty", a, b)
			}
		})
	}
}

// TestIdentity_otherAccount: entries for different real accounts differ.
func TestIdentity_otherAccount(t *testing.T) {
	dir := t.TempDir()
	base := identityAccounts(dir)
	with := func(a config.Account, change func(*config.Account)) config.Account {
		change(&a)
		return a
	}
	tests := []struct {
		name string
		a, b config.Account
	}{
		{"outbox other file", base[0], with(base[0], func(a *config.Account) { a.Path = filepath.Join(dir, "other.jsonl") })},
		{"mastodon other token", base[1], with(base[1], func(a *config.Account) { a.AccessToken = "SECRET-other" })},
		{"mastodon other server", base[1], with(base[1], func(a *config.Account) { a.Server = "https://n.example" })},
		{"mastodon other port", base[1], with(base[1], func(a *config.Account) { a.Server = "https://m.example:8443" })},
		{"bluesky other handle", base[2], with(base[2], func(a *config.Account) { a.Identifier = "bob.test" })},
		{"bluesky other server", base[2], with(base[2], func(a *config.Account) { a.Server = "https://pds.example" })},
		{"x oauth1 other access token", base[3], with(base[3], func(a *config.Account) { a.AccessToken = "SECRET-other" })},
		{"x oauth1 other app", base[3], with(base[3], func(a *config.Account) { a.ConsumerKey = "SECRET-other" })},
		{"x oauth1 other server", base[3], with(base[3], func(a *config.Account) { a.Server = "http://127.0.0.1:8080" })},
		{"x oauth2 other refresh token", base[4], with(base[4], func(a *config.Account) { a.RefreshToken = "SECRET-other" })},
		{"x oauth2 other client", base[4], with(base[4], func(a *config.Account) { a.ClientID = "other" })},
		{"x oauth1 and oauth2", base[3], base[5]},
		{"two kinds", config.Account{Kind: "mastodon", Server: "https://m.example", AccessToken: "t"},
			config.Account{Kind: "bluesky", Server: "https://m.example", Identifier: "t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := networks.Identity(tt.a), networks.Identity(tt.b)
			if a == "" || b == "" || a == b {
				t.Errorf("identities %q and %q, want two, not empty", a, b)
			}
		})
	}
}

// TestIdentity_unknown: what the config cannot tell is "", never compared.
func TestIdentity_unknown(t *testing.T) {
	for _, a := range []config.Account{
		{Name: "stdout", Kind: "outbox"},
		{Name: "dash", Kind: "outbox", Path: "-"},
		{Name: "signed-in", Kind: "x", ClientID: "client"},
		{Name: "half-oauth1", Kind: "x", ConsumerKey: "k", ConsumerSecret: "s"},
		{Name: "no-token", Kind: "mastodon", Server: "https://m.example"},
		{Name: "no-identifier", Kind: "bluesky", AppPassword: "p"},
		{Name: "unknown", Kind: "myspace", AccessToken: "t"},
	} {
		if id := networks.Identity(a); id != "" {
			t.Errorf("%s: Identity = %q, want none", a.Name, id)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

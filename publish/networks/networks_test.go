package networks_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/bluesky"
	"github.com/hookline/hookline/publish/mastodon"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/publish/outbox"
	"github.com/hookline/hookline/publish/x"
)

func TestOpen(t *testing.T) {
	tests := []struct {
		name    string
		acct    config.Account
		want    any    // a value of the publisher's type
		wantErr string // substring; empty for success
	}{
		{name: "outbox file", acct: config.Account{Name: "box", Kind: "outbox", Path: "out.jsonl"}, want: &outbox.Outbox{}},
		{name: "outbox stdout", acct: config.Account{Name: "box", Kind: "outbox"}, want: &outbox.Outbox{}},
		{name: "mastodon", acct: config.Account{Name: "m", Kind: "mastodon", Server: "https://mastodon.example", AccessToken: "t"}, want: &mastodon.Client{}},
		{name: "mastodon without token", acct: config.Account{Name: "m", Kind: "mastodon", Server: "https://mastodon.example"}, wantErr: "m: access_token: required for kind mastodon"},
		{name: "x oauth1", acct: config.Account{Name: "x-main", Kind: "x", ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessSecret: "as"}, want: &x.Client{}},
		{name: "x without credentials", acct: config.Account{Name: "x-main", Kind: "x"}, wantErr: "x-main: kind x needs credentials"},
		{name: "bluesky", acct: config.Account{Name: "bsky", Kind: "bluesky", Identifier: "alice.test", AppPassword: "p"}, want: &bluesky.Client{}},
		{name: "bluesky without identifier", acct: config.Account{Name: "bsky", Kind: "bluesky"}, wantErr: "bsky: identifier: required for kind bluesky"},
		{name: "no kind", acct: config.Account{Name: "n"}, wantErr: "n: kind is required"},
		{name: "unknown kind", acct: config.Account{Name: "n", Kind: "myspace"}, wantErr: `n: unknown kind "myspace"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := networks.Open(context.Background(), tt.acct, networks.Deps{})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if reflect.TypeOf(p) != reflect.TypeOf(tt.want) {
				t.Errorf("publisher is %T, want %T", p, tt.want)
			}
		})
	}
}

func TestOpen_Deps(t *testing.T) {
	t.Run("outbox writes to Stdout", func(t *testing.T) {
		var buf bytes.Buffer
		p, err := networks.Open(context.Background(), config.Account{Name: "box", Kind: "outbox", Path: "-"}, networks.Deps{Stdout: &buf})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Publish(context.Background(), publish.Post{Account: "box", Text: "hello"}); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(buf.Bytes()) || !strings.Contains(buf.String(), `"text":"hello"`) {
			t.Errorf("stdout = %q", buf.String())
		}
	})
	t.Run("mastodon uses HTTPClient", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"id":"1","url":"https://m.example/@a/1","created_at":"2026-03-01T09:00:00.000Z"}`))
		}))
		defer srv.Close()
		var used bool
		hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			used = true
			return http.DefaultTransport.RoundTrip(r)
		})}
		acct := config.Account{Name: "m", Kind: "mastodon", Server: srv.URL, AccessToken: "t"}
		p, err := networks.Open(context.Background(), acct, networks.Deps{HTTPClient: hc})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := p.(publish.Limiter); !ok {
			t.Error("mastodon publisher is not a publish.Limiter")
		}
		if _, ok := p.(publish.DryRunner); !ok {
			t.Error("mastodon publisher is not a publish.DryRunner")
		}
		r, err := p.Publish(context.Background(), publish.Post{Account: "m", Text: "hello"})
		if err != nil {
			t.Fatal(err)
		}
		if !used || r.ID != "1" {
			t.Errorf("receipt %+v, HTTPClient used = %v", r, used)
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestCheckAccount(t *testing.T) {
	tests := []struct {
		name    string
		acct    config.Account
		written []string
		warns   []string // "key: message" substrings, in order
		errs    []string
	}{
		{name: "outbox", acct: config.Account{Name: "o", Kind: "outbox"}, written: []string{"name", "kind", "path", "max_chars", "utm"}},
		{name: "key another kind reads", acct: config.Account{Name: "b", Kind: "bluesky", Identifier: "a", AppPassword: "p"},
			written: []string{"name", "kind", "identifier", "app_password", "visibility", "daily_cap"},
			warns:   []string{"visibility: not used by kind bluesky", "daily_cap: not used by kind bluesky"}},
		{name: "max_chars above bluesky's", acct: config.Account{Name: "b", Kind: "bluesky", Identifier: "a", AppPassword: "p", MaxChars: 500},
			written: []string{"max_chars"}, warns: []string{"max_chars: 500 is above bluesky's limit of 300"}},
		{name: "max_chars above x's is a paid plan", acct: config.Account{Name: "x", Kind: "x", AccessToken: "t", MaxChars: 25000}, written: []string{"max_chars"}},
		{name: "mastodon needs server and token", acct: config.Account{Name: "m", Kind: "mastodon"},
			errs: []string{"server: required for kind mastodon", "access_token: required for kind mastodon"}},
		{name: "x partial oauth1", acct: config.Account{Name: "x", Kind: "x", ConsumerKey: "k"},
			errs: []string{"consumer_secret: required", "access_token: required", "access_secret: required"}},
		{name: "x caps", acct: config.Account{Name: "x", Kind: "x", AccessToken: "t", DailyCap: -2}, errs: []string{"daily_cap: must be -1 (no cap) or more"}},
		{name: "no kind", acct: config.Account{Name: "n"}, errs: []string{"kind: required: one of outbox, x, mastodon, bluesky"}},
		{name: "unknown kind", acct: config.Account{Name: "n", Kind: "myspace"}, errs: []string{`kind: "myspace" is not one of outbox, x, mastodon, bluesky`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			warns, _, err := networks.CheckAccount(tt.acct, tt.written)
			if len(warns) != len(tt.warns) {
				t.Fatalf("warnings %v, want %d: %q", warns, len(tt.warns), tt.warns)
			}
			for i, w := range warns {
				if !strings.Contains(w.String(), tt.warns[i]) {
					t.Errorf("warning %d %q, want %q", i, w, tt.warns[i])
				}
			}
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if len(got) != len(tt.errs) {
				t.Fatalf("problems %q, want %q", got, tt.errs)
			}
			for i := range got {
				var fe *config.FieldError
				if !strings.Contains(got[i], tt.errs[i]) || !errors.As(err, &fe) {
					t.Errorf("problem %d %q, want a FieldError with %q", i, got[i], tt.errs[i])
				}
			}
		})
	}
}

// TestKinds_ownTheirKeys checks that every key of config.Account is read by
// some kind or by the shared path: a key no kind reads would never warn.
func TestKinds_ownTheirKeys(t *testing.T) {
	all := map[string]bool{"timeout": true}
	for f := range reflect.TypeFor[config.Account]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
		all[name] = true
	}
	for key := range all {
		read := false
		for _, kind := range networks.Kinds() {
			warns, _, _ := networks.CheckAccount(config.Account{Name: "a", Kind: kind}, []string{key})
			read = read || len(warns) == 0
		}
		if !read {
			t.Errorf("key %q of config.Account is read by no kind", key)
		}
	}
}

func TestKindProperties(t *testing.T) {
	for _, tc := range []struct {
		kind          string
		card, signsIn bool
	}{{"outbox", false, false}, {"x", true, true}, {"mastodon", true, false}, {"bluesky", true, false}, {"myspace", false, false}} {
		a := config.Account{Name: "a", Kind: tc.kind}
		if got := networks.ShowsLinkCard(a); got != tc.card {
			t.Errorf("ShowsLinkCard(%s) = %v, want %v", tc.kind, got, tc.card)
		}
		if got := networks.SignsIn(a); got != tc.signsIn {
			t.Errorf("SignsIn(%s) = %v, want %v", tc.kind, got, tc.signsIn)
		}
	}
}

// TestPublish_unreachable checks that every kind that sends requests says
// which account could not reach which server when the connection is
// refused, and that the error stays retryable.
func TestPublish_unreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server := "http://" + ln.Addr().String()
	ln.Close() // nothing listens there now: connection refused
	for _, acct := range []config.Account{
		{Name: "x-main", Kind: "x", Server: server, ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessSecret: "as", DailyCap: -1, MonthlyCap: -1},
		{Name: "masto", Kind: "mastodon", Server: server, AccessToken: "t"},
		{Name: "sky", Kind: "bluesky", Server: server, Identifier: "a.test", AppPassword: "p"},
	} {
		t.Run(acct.Kind, func(t *testing.T) {
			pub, err := networks.Open(t.Context(), acct, networks.Deps{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = pub.Publish(t.Context(), publish.Post{Account: acct.Name, ArticleID: "a", Text: "Hello there.", IdempotencyKey: "k"})
			want := acct.Name + ": cannot reach " + server + " (connection refused)"
			if err == nil || !strings.HasPrefix(err.Error(), want) && !strings.Contains(err.Error(), ": cannot reach "+server+" (connection refused)") || !publish.Retryable(err) {
				t.Errorf("err = %v; want %q, retryable", err, want)
			}
			if err != nil && !strings.HasPrefix(err.Error(), acct.Name+":") {
				t.Errorf("err = %v; want it to start with the account", err)
			}
		})
	}
}

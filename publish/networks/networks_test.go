package networks_test

import (
	"bytes"
	"context"
	"encoding/json"
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
		{name: "mastodon without token", acct: config.Account{Name: "m", Kind: "mastodon", Server: "https://mastodon.example"}, wantErr: "m: access_token is required"},
		{name: "x oauth1", acct: config.Account{Name: "x-main", Kind: "x", ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessSecret: "as"}, want: &x.Client{}},
		{name: "x without credentials", acct: config.Account{Name: "x-main", Kind: "x"}, wantErr: "x-main: kind x needs credentials"},
		{name: "bluesky", acct: config.Account{Name: "bsky", Kind: "bluesky", Identifier: "alice.test", AppPassword: "p"}, want: &bluesky.Client{}},
		{name: "bluesky without identifier", acct: config.Account{Name: "bsky", Kind: "bluesky"}, wantErr: "bsky: identifier is required"},
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

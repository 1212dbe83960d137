package mastodon_test

import (
	"context"
	"strings"
	"testing"
)

// TestClient_SelfID: the account the token posts as is asked of the
// instance once (verify_credentials, as reconciliation asks it), qualified
// by the instance in one form; a refusal is an error without the token.
func TestClient_SelfID(t *testing.T) {
	s := newServer(t)
	acct := account(s)
	acct.Server = strings.Replace(s.URL(), "http://", "HTTP://", 1) + "/"
	c := newClient(t, acct)
	for range 2 {
		got, err := c.SelfID(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if want := "mastodon:" + s.URL() + "#1"; got != want {
			t.Errorf("SelfID = %q, want %q", got, want)
		}
	}
	asked := 0
	for _, r := range s.log() {
		if r.path == "/api/v1/accounts/verify_credentials" {
			asked++
		}
	}
	if asked != 1 {
		t.Errorf("verify_credentials asked %d times, want once", asked)
	}

	for name, setup := range map[string]func(*server){
		"token refused":    func(s *server) { s.token = "another" },
		"no read:accounts": func(s *server) { s.noReadScope = true },
	} {
		t.Run(name, func(t *testing.T) {
			s := newServer(t)
			c := newClient(t, account(s))
			setup(s)
			got, err := c.SelfID(context.Background())
			if err == nil {
				t.Fatalf("SelfID = %q, want an error", got)
			}
			if strings.Contains(err.Error(), "SECRET") || !strings.Contains(err.Error(), "verify credentials") {
				t.Errorf("error %q: want what was asked, without the token", err)
			}
		})
	}
}

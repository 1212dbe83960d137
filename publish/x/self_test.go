package x_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hookline/hookline/publish/x"
)

// TestClient_SelfID: the user the credentials post as is X's answer to GET
// /2/users/me (the fake follows the spec's getUsersMe), with OAuth 1.0a
// signed as a GET and with OAuth 2.0 after a refresh from the state file's
// token, as an account signed in with `hookline auth x` has; refused
// credentials are an error without them.
func TestClient_SelfID(t *testing.T) {
	ctx := context.Background()
	t.Run("oauth1", func(t *testing.T) {
		srv := newServer(t)
		got, err := newClient(t, oauth1Account(srv.URL()), x.Options{}).SelfID(ctx)
		if err != nil || got != "x:"+userID {
			t.Errorf("SelfID = %q, %v; want x:%s", got, err, userID)
		}
	})
	t.Run("oauth2 signed in", func(t *testing.T) {
		srv := newServer(t)
		st := openStore(t)
		if err := st.SetToken(ctx, "x-main", "ref-SECRET-0"); err != nil {
			t.Fatal(err)
		}
		got, err := newClient(t, oauth2Account(srv.URL()), x.Options{Tokens: st}).SelfID(ctx)
		if err != nil || got != "x:"+userID {
			t.Errorf("SelfID = %q, %v; want x:%s", got, err, userID)
		}
		if srv.mes != 1 || srv.refreshs != 1 || srv.posts != 0 {
			t.Errorf("users/me %d, refreshes %d, posts %d; want one look-up after one refresh, no post", srv.mes, srv.refreshs, srv.posts)
		}
	})
	t.Run("refused", func(t *testing.T) {
		srv := newServer(t)
		acct := oauth1Account(srv.URL())
		acct.AccessToken = "at-SECRET-wrong"
		got, err := newClient(t, acct, x.Options{}).SelfID(ctx)
		if err == nil {
			t.Fatalf("SelfID = %q, want an error", got)
		}
		if strings.Contains(err.Error(), "SECRET") || !strings.Contains(err.Error(), "401") {
			t.Errorf("error %q: want the 401, without a secret", err)
		}
	})
}

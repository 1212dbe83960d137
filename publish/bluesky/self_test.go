package bluesky

import (
	"context"
	"testing"
)

// TestClient_SelfID: the account is its DID, from the session's login,
// whether the config names it by handle or by DID; Publish reuses that
// session. A refused login is an error without the password.
func TestClient_SelfID(t *testing.T) {
	for _, by := range []string{"handle", "did"} {
		t.Run(by, func(t *testing.T) {
			env := setup(t, func(c *Config) {
				if by == "did" {
					c.Identifier = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
				}
			})
			got, err := env.client.SelfID(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if want := "bluesky:" + env.pds.did; got != want {
				t.Errorf("SelfID = %q, want %q", got, want)
			}
			if _, err := env.client.Publish(context.Background(), testPost()); err != nil {
				t.Fatal(err)
			}
			if n := env.pds.callsTo("com.atproto.server.createSession"); n != 1 {
				t.Errorf("%d logins, want one for SelfID and Publish", n)
			}
		})
	}
	t.Run("refused", func(t *testing.T) {
		env := setup(t, func(c *Config) { c.AppPassword = "wrong-pass-word-xxxx" })
		got, err := env.client.SelfID(context.Background())
		if err == nil {
			t.Fatalf("SelfID = %q, want an error", got)
		}
		assertNoSecrets(t, env, err)
	})
}

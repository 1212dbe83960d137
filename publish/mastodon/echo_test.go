package mastodon_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/mastodon"
)

// TestClient_EchoedTokenRedacted: an instance that echoes the whole request
// (Authorization header included) in its error body, at every status, on
// every path (instance, post, the lookups before a resend), leaves the
// access token in neither the error nor the logs, in either log format.
func TestClient_EchoedTokenRedacted(t *testing.T) {
	const token = "SECRET-MARKER-masto-token"
	for _, code := range faultnet.EchoStatuses {
		for format, newLog := range faultnet.LogFormats {
			t.Run(fmt.Sprintf("%d/%s", code, format), func(t *testing.T) {
				srv := faultnet.NewMastodon()
				defer srv.Close()
				srv.Token = token
				srv.SetEcho(code)
				var logs bytes.Buffer
				c, err := mastodon.New(mastodon.Config{Name: "masto", Server: srv.URL, AccessToken: token},
					mastodon.Options{HTTPClient: srv.Client(), Log: newLog(&logs)})
				if err != nil {
					t.Fatal(err)
				}
				ctx := context.Background()
				_, _ = c.Rules(ctx) // learns the instance's limits: logs the echo
				_, err = c.Publish(ctx, publish.Post{Text: "Night trains are back", IdempotencyKey: "k1", Attempt: 2})
				if err == nil {
					t.Fatal("Publish succeeded against an echoing server")
				}
				all := err.Error() + "\n" + logs.String()
				for _, leak := range faultnet.Leaks(all, token, "MARKER") {
					t.Errorf("leak: %s", leak)
				}
				if !strings.Contains(err.Error(), "Bearer [redacted]") {
					t.Errorf("error %q does not carry the (redacted) echo: the test proves nothing", err)
				}
			})
		}
	}
}

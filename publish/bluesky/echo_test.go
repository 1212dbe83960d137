package bluesky_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/bluesky"
)

// TestClient_EchoedCredentialsRedacted: a PDS that echoes the whole request
// (headers and body) in its error body, at every status, leaves neither
// the app password (sent to createSession) nor the session's access and
// refresh tokens (sent to createRecord, getRecord and refreshSession) in
// the error or the logs, in either log format.
func TestClient_EchoedCredentialsRedacted(t *testing.T) {
	const password = "SECRET-MARKER-bsky-app-password"
	// The fake issues tokens named fake-access-jwt-N and fake-refresh-jwt-N.
	secrets := []string{password, "MARKER", "fake-access-jwt-", "fake-refresh-jwt-"}
	steps := map[string][]string{
		"log in":  {"/xrpc/com.atproto.server.createSession"},
		"session": {"/xrpc/com.atproto.repo.createRecord", "/xrpc/com.atproto.repo.getRecord", "/xrpc/com.atproto.server.refreshSession"},
	}
	for step, paths := range steps {
		reached := 0 // cases whose error or logs carry the echo (redacted)
		for _, code := range faultnet.EchoStatuses {
			for format, newLog := range faultnet.LogFormats {
				t.Run(fmt.Sprintf("%s/%d/%s", step, code, format), func(t *testing.T) {
					srv := faultnet.NewBluesky()
					defer srv.Close()
					srv.Password = password
					srv.SetEcho(code, paths...)
					var logs bytes.Buffer
					c, err := bluesky.New(bluesky.Config{Name: "bsky", Server: srv.URL, Identifier: "hookline.bsky.social", AppPassword: password},
						bluesky.Options{HTTPClient: srv.Client(), Log: newLog(&logs)})
					if err != nil {
						t.Fatal(err)
					}
					_, err = c.Publish(context.Background(), publish.Post{Text: "Night trains are back", IdempotencyKey: "k1"})
					if err == nil {
						t.Fatal("Publish succeeded against an echoing server")
					}
					all := err.Error() + "\n" + logs.String()
					for _, leak := range faultnet.Leaks(all, secrets...) {
						t.Errorf("leak: %s", leak)
					}
					if strings.Contains(all, "User-Agent: ") { // a line of the echo
						reached++
					}
				})
			}
		}
		// Some statuses are worded without the server's message; most carry it.
		if reached < len(faultnet.EchoStatuses) {
			t.Errorf("%s: the echo reached the error or logs in only %d cases: the test proves little", step, reached)
		}
	}
}

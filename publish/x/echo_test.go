package x_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/x"
)

// TestClient_EchoedCredentialsRedacted: an X API that echoes the whole
// request (headers and body) in its error body, at every status, leaves
// no credential in the error or the logs, in either log format: neither
// OAuth 1.0a's keys (in the signed Authorization header), nor an OAuth 2.0
// client secret (in Basic authentication) or refresh token (in the token
// request's form), nor the access and refresh tokens a refresh obtained.
func TestClient_EchoedCredentialsRedacted(t *testing.T) {
	const (
		consumerKey  = "SECRET-MARKER-x-consumer-key"
		accessToken  = "SECRET-MARKER-x-access-token"
		clientSecret = "SECRET-MARKER-x-client-secret"
		refreshToken = "SECRET-MARKER-x-refresh-token"
		clientID     = "hookline-client"
	)
	basic := base64.StdEncoding.EncodeToString([]byte(clientID + ":" + clientSecret))
	// The fake issues tokens named fake-access-N and fake-refresh-N.
	secrets := []string{"MARKER", basic, "fake-access-", "fake-refresh-"}
	oauth2 := x.Config{Name: "x2", ClientID: clientID, ClientSecret: clientSecret, RefreshToken: refreshToken, DailyCap: -1, MonthlyCap: -1}
	cases := map[string]struct {
		acct  x.Config
		paths []string
	}{
		"oauth1 post": {x.Config{Name: "x1", ConsumerKey: consumerKey, ConsumerSecret: "SECRET-MARKER-x-consumer-secret",
			AccessToken: accessToken, AccessSecret: "SECRET-MARKER-x-access-secret", DailyCap: -1, MonthlyCap: -1}, []string{"/2/tweets"}},
		"oauth2 refresh": {oauth2, []string{x.TokenPath}},
		"oauth2 post":    {oauth2, []string{"/2/tweets"}},
	}
	for name, tc := range cases {
		reached := 0
		for _, code := range faultnet.EchoStatuses {
			for format, newLog := range faultnet.LogFormats {
				t.Run(fmt.Sprintf("%s/%d/%s", name, code, format), func(t *testing.T) {
					srv := faultnet.NewX()
					defer srv.Close()
					srv.SetEcho(code, tc.paths...)
					var logs bytes.Buffer
					acct := tc.acct
					acct.Server = srv.URL
					c := newClient(t, acct, x.Options{HTTPClient: srv.Client(), Log: newLog(&logs), Tokens: openStore(t)})
					_, err := c.Publish(context.Background(), publish.Post{ArticleID: "a1", Text: "Night trains are back"})
					if err == nil {
						t.Fatal("Publish succeeded against an echoing server")
					}
					all := err.Error() + "\n" + logs.String()
					for _, leak := range faultnet.Leaks(all, secrets...) {
						t.Errorf("leak: %s", leak)
					}
					if strings.Contains(all, "[redacted]") {
						reached++
					}
				})
			}
		}
		if reached < len(faultnet.EchoStatuses) {
			t.Errorf("%s: the echo reached the error or logs in only %d cases: the test proves little", name, reached)
		}
	}
}

package config_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

func TestRedactURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "https://example.com/feed.xml", "https://example.com/feed.xml"},
		{"user and password", "https://alice:s3cret-pass@example.com/feed.xml", "https://[redacted]@example.com/feed.xml"},
		{"user only (a token as user)", "https://ghp_tokenvalue@example.com/feed", "https://[redacted]@example.com/feed"},
		{"at sign in the path", "https://example.com/@alice.rss", "https://example.com/@alice.rss"},
		{"credential parameters", "https://e.com/f?token=T1&key=K1&api_key=A1&access_token=AT&secret=S1&password=P1&page=2",
			"https://e.com/f?token=[redacted]&key=[redacted]&api_key=[redacted]&access_token=[redacted]&secret=[redacted]&password=[redacted]&page=2"},
		{"case and suffix", "https://e.com/f?Token=T1&client_secret=C1&private-key=K&lang=en#top",
			"https://e.com/f?Token=[redacted]&client_secret=[redacted]&private-key=[redacted]&lang=en#top"},
		{"both", "http://u:p@e.com:8080/f?sig=abc", "http://[redacted]@e.com:8080/f?sig=[redacted]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := config.RedactURL(tc.in); got != tc.want {
				t.Errorf("RedactURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestConfig_SecretsAndShow(t *testing.T) {
	c, _, err := config.Parse("config.yaml", []byte(`
sources:
  - {name: blog, kind: feed, url: "https://alice:MARKER-pw@example.com/feed.xml?token=MARKER-tok%2Fx&page=2"}
  - {name: pages, kind: urls, urls: ["https://example.com/a?api_key=MARKER-key"]}
networks:
  - {name: sky, kind: bluesky, identifier: me.bsky.social, app_password: MARKER-app}
schedules:
  - {name: daily, cron: "@daily"}
`), nil, networks.CheckAccount)
	if err != nil {
		t.Fatal(err)
	}
	got := c.Secrets()
	for _, want := range []string{"MARKER-app", "alice:MARKER-pw", "MARKER-pw", "MARKER-tok%2Fx", "MARKER-tok/x", "MARKER-key"} {
		if !slices.Contains(got, want) {
			t.Errorf("Secrets() = %q; missing %q", got, want)
		}
	}
	out, err := config.Show(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "MARKER") || !strings.Contains(string(out), "https://[redacted]@example.com/feed.xml?token=[redacted]&page=2") {
		t.Errorf("config show:\n%s", out)
	}
	if c.Sources[0].URL != "https://alice:MARKER-pw@example.com/feed.xml?token=MARKER-tok%2Fx&page=2" {
		t.Errorf("the config's own URL changed: %q; the fetcher needs the real one", c.Sources[0].URL)
	}
}

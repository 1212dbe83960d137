package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

// valid is a config with one entry of each kind, to which tests append or
// which they edit.
const valid = `
sources:
  - {name: blog, kind: feed, url: https://example.com/feed.xml}
  - {name: files, kind: folder, path: ./articles}
networks:
  - {name: out, kind: outbox, path: ./outbox.jsonl}
  - {name: x-main, kind: x, consumer_key: ck, consumer_secret: cs, access_token: at, access_secret: as}
  - {name: masto, kind: mastodon, server: https://mastodon.example, access_token: mt}
  - {name: sky, kind: bluesky, identifier: me.bsky.social, app_password: pw}
schedules:
  - {name: daily, cron: "0 9 * * *", sources: [blog], networks: [out, x-main]}
  - {name: often, cron: "@every 2h", timezone: UTC, quiet: "22:00-07:00"}
`

func TestLoad_EmbeddedDefaultValidates(t *testing.T) {
	c, warns, err := config.Load("", hookline.DefaultConfig, nil, networks.CheckAccount)
	if err != nil {
		t.Fatalf("embedded config.yaml: %v", err)
	}
	if len(warns) > 0 {
		t.Errorf("embedded config.yaml warnings: %v", warns)
	}
	if a, ok := c.Account("outbox"); !ok || a.Kind != "outbox" || a.Path != "./outbox.jsonl" {
		t.Errorf("outbox account = %+v, %v", a, ok)
	}
	if len(c.Sources) != 1 || c.Sources[0].Path != "examples/articles" {
		t.Errorf("sources = %+v", c.Sources)
	}
	if len(c.Schedules) != 1 || c.Schedules[0].PerRun != 1 || c.Schedules[0].Networks[0] != "outbox" {
		t.Errorf("schedules = %+v", c.Schedules)
	}
	if _, err := config.ParseCron(c.Schedules[0].Cron); err != nil {
		t.Error(err)
	}
}

func TestParse_Defaults(t *testing.T) {
	c, warns, err := config.Parse("c.yaml", []byte(valid), nil, networks.CheckAccount)
	if err != nil || len(warns) > 0 {
		t.Fatalf("Parse: %v, warnings %v", err, warns)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"state", c.State, "./hookline.db"},
		{"timezone", c.Timezone, "Local"},
		{"log.format", c.Log.Format, "text"},
		{"log.level", c.Log.Level, "info"},
		{"shutdown_timeout", c.ShutdownTimeout, 30 * time.Second},
		{"teaser.hashtags", c.Teaser.Hashtags, 3},
		{"feed poll", c.Sources[0].Poll, 15 * time.Minute},
		{"folder poll", c.Sources[1].Poll, time.Minute},
		{"per_run", c.Schedules[0].PerRun, 1},
		{"order", c.Schedules[0].Order, "newest"},
		{"catch_up", c.Schedules[0].CatchUp, "skip"},
		{"x access token", c.Networks[1].AccessToken.Value(), "at"},
	}
	for _, ch := range checks {
		t.Run(ch.name, func(t *testing.T) {
			if ch.got != ch.want {
				t.Errorf("got %v, want %v", ch.got, ch.want)
			}
		})
	}
}

func TestParse_Problems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // each a whole line of the error
	}{
		{"cron field count", "schedules: [{name: a, cron: '* * * *'}]",
			[]string{"c.yaml: schedules[0].cron: expected 5 fields, got 4 (minute hour day-of-month month day-of-week)"}},
		{"cron second schedule", valid + "  - {name: b, cron: '0 9 * *'}",
			[]string{"c.yaml: schedules[2].cron: expected 5 fields, got 4 (minute hour day-of-month month day-of-week)"}},
		{"cron out of range", "schedules: [{name: a, cron: '61 * * * *'}]",
			[]string{`c.yaml: schedules[0].cron: "61 * * * *": end of range (61) above maximum (59): 61`}},
		{"cron bad descriptor", "schedules: [{name: a, cron: '@sometimes'}]",
			[]string{`c.yaml: schedules[0].cron: "@sometimes": unrecognized descriptor: @sometimes`}},
		{"unknown account", valid + "  - {name: b, cron: '@daily', networks: [out, nope]}",
			[]string{`c.yaml: schedules[2].networks[1]: no account named "nope" in networks (known: out, x-main, masto, sky)`}},
		{"unknown source", valid + "  - {name: b, cron: '@daily', sources: [blgo]}",
			[]string{`c.yaml: schedules[2].sources[0]: no source named "blgo" (known: blog, files)`}},
		{"duplicate account", "networks: [{name: a, kind: outbox}, {name: a, kind: outbox}]",
			[]string{`c.yaml: networks[1].name: "a" is used twice; names must be unique`}},
		{"duplicate source", "sources: [{name: a, kind: folder, path: x}, {name: a, kind: folder, path: y}]",
			[]string{`c.yaml: sources[1].name: "a" is used twice; names must be unique`}},
		{"duplicate schedule", "schedules: [{name: a, cron: '@daily'}, {name: a, cron: '@daily'}]",
			[]string{`c.yaml: schedules[1].name: "a" is used twice; names must be unique`}},
		{"same mastodon account twice", "networks: [{name: masto, kind: mastodon, server: https://m.example, access_token: t}, {name: out, kind: outbox}, " +
			"{name: newsroom, kind: mastodon, server: 'https://M.example:443/', access_token: t, visibility: unlisted}]",
			[]string{"c.yaml: networks[2]: newsroom posts as the same mastodon account as networks[0] (masto), so both would post everything to it; keep one entry"}},
		{"same outbox file twice", "networks: [{name: a, kind: outbox, path: ./out.jsonl}, {name: b, kind: outbox, path: out.jsonl}, {name: c, kind: outbox, path: sub/../out.jsonl}]",
			[]string{
				"c.yaml: networks[1]: b posts as the same outbox account as networks[0] (a), so both would post everything to it; keep one entry",
				"c.yaml: networks[2]: c posts as the same outbox account as networks[0] (a), so both would post everything to it; keep one entry",
			}},
		{"same bluesky handle twice", "networks: [{name: a, kind: bluesky, identifier: Alice.test, app_password: p}, {name: b, kind: bluesky, identifier: '@alice.test', app_password: q}]",
			[]string{"c.yaml: networks[1]: b posts as the same bluesky account as networks[0] (a), so both would post everything to it; keep one entry"}},
		{"missing name", "networks: [{kind: outbox}]", []string{"c.yaml: networks[0].name: required"}},
		{"bad name", "networks: [{name: 'my acct', kind: outbox}]",
			[]string{`c.yaml: networks[0].name: "my acct": use only letters, digits, '-', '_' and '.'`}},
		{"unknown account kind", "networks: [{name: a, kind: twitter}]",
			[]string{`c.yaml: networks[0].kind: "twitter" is not one of outbox, x, mastodon, bluesky`}},
		{"unknown source kind", "sources: [{name: a, kind: rss}]",
			[]string{`c.yaml: sources[0].kind: "rss" is not one of folder, feed, urls`}},
		{"x without credentials", "networks: [{name: a, kind: x}]",
			[]string{"c.yaml: networks[0]: kind x needs credentials: consumer_key, consumer_secret, access_token, access_secret (OAuth 1.0a), or client_id and then `hookline auth x a` (OAuth 2.0)"}},
		{"x partial oauth1", "networks: [{name: a, kind: x, consumer_key: k, access_token: t}]",
			[]string{
				"c.yaml: networks[0].consumer_secret: required for kind x with OAuth 1.0a (consumer_key, consumer_secret, access_token, access_secret): copy it from the app's Keys and tokens page (access token with Read and Write)",
				"c.yaml: networks[0].access_secret: required for kind x with OAuth 1.0a (consumer_key, consumer_secret, access_token, access_secret): copy it from the app's Keys and tokens page (access token with Read and Write)",
			}},
		{"mastodon credentials", "networks: [{name: a, kind: mastodon}]",
			[]string{"c.yaml: networks[0].server: required for kind mastodon: the instance's address, such as https://mastodon.social",
				"c.yaml: networks[0].access_token: required for kind mastodon: create one under Preferences → Development with write:statuses"}},
		{"bluesky credentials", "networks: [{name: a, kind: bluesky}]",
			[]string{"c.yaml: networks[0].identifier: required for kind bluesky: the account's handle (e.g. alice.bsky.social) or DID",
				"c.yaml: networks[0].app_password: required for kind bluesky: create one under Settings → Privacy and security → App passwords"}},
		{"mastodon visibility", "networks: [{name: a, kind: mastodon, server: https://m.example, access_token: t, visibility: friends}]",
			[]string{`c.yaml: networks[0].visibility: "friends" is not one of public, unlisted, private, direct`}},
		{"timezone", "timezone: Mars/Olympus",
			[]string{`c.yaml: timezone: "Mars/Olympus" is not a time zone; use an IANA name such as Europe/Paris, UTC or Local`}},
		{"schedule timezone", "schedules: [{name: a, cron: '@daily', timezone: Europe/Pariss}]",
			[]string{`c.yaml: schedules[0].timezone: "Europe/Pariss" is not a time zone; use an IANA name such as Europe/Paris, UTC or Local`}},
		{"quiet window", "schedules: [{name: a, cron: '@daily', quiet: '22:00-7'}]",
			[]string{`c.yaml: schedules[0].quiet: "22:00-7": "7" is not a time of day; write HH:MM from 00:00 to 23:59`}},
		{"quiet without dash", "schedules: [{name: a, cron: '@daily', quiet: '22:00'}]",
			[]string{`c.yaml: schedules[0].quiet: "22:00": expected HH:MM-HH:MM, such as 22:00-07:00`}},
		{"order", "schedules: [{name: a, cron: '@daily', order: latest}]",
			[]string{`c.yaml: schedules[0].order: "latest" is not one of newest, oldest, random`}},
		{"catch_up", "schedules: [{name: a, cron: '@daily', catch_up: all}]",
			[]string{`c.yaml: schedules[0].catch_up: "all" is not one of skip, once`}},
		{"per_run negative", "schedules: [{name: a, cron: '@daily', per_run: -2}]",
			[]string{"c.yaml: schedules[0].per_run: must be at least 1, got -2"}},
		{"feed url scheme", "sources: [{name: a, kind: feed, url: 'file:///etc/passwd'}]",
			[]string{`c.yaml: sources[0].url: "file:///etc/passwd" is not an http(s) URL`}},
		{"urls entry scheme", "sources: [{name: a, kind: urls, urls: ['https://a.example/x', 'javascript:alert(1)']}]",
			[]string{`c.yaml: sources[0].urls[1]: "javascript:alert(1)" is not an http(s) URL`}},
		{"server scheme", "networks: [{name: a, kind: bluesky, identifier: i, app_password: p, server: 'bsky.social'}]",
			[]string{`c.yaml: networks[0].server: "bsky.social" is not an http(s) URL`}},
		{"folder path", "sources: [{name: a, kind: folder}]",
			[]string{"c.yaml: sources[0].path: required for kind folder: the folder of article files"}},
		{"log format", "log: {format: xml}", []string{`c.yaml: log.format: "xml" is not one of text, json`}},
		{"listen", "listen: 9090", []string{`c.yaml: listen: "9090" is not host:port, such as 127.0.0.1:9090`}},
		{"wrong type int", "schedules: [{name: a, cron: '@daily', per_run: lots}]",
			[]string{`c.yaml: schedules[0].per_run: expected a whole number, got "lots"`}},
		{"wrong type list", "networks: {name: a}",
			[]string{`c.yaml: networks: expected a list, got a mapping (start each entry with "- ")`}},
		{"duration without unit", "shutdown_timeout: 30", []string{"c.yaml: shutdown_timeout: 30 has no unit; write it as 30s, 30m or 30h"}},
		{"duration bad", "sources: [{name: a, kind: folder, path: x, poll: soon}]",
			[]string{`c.yaml: sources[0].poll: "soon" is not a duration; write it as 30s, 15m, 2h or 3d`}},
		{"unset variable", "networks: [{name: a, kind: mastodon, server: https://m.example, access_token: '${X_TOKEN}'}]",
			[]string{"c.yaml: networks[0].access_token: ${X_TOKEN} is not set; export X_TOKEN=... in the environment that runs hookline, or write ${X_TOKEN:-default} in the file"}},
		{"unterminated variable", "state: '${STATE'", []string{"c.yaml: state: unterminated ${ (write $${ for a literal ${)"}},
		{"yaml syntax", "state: x\n  bad: indent\n", []string{"c.yaml: line 2: mapping values are not allowed in this context"}},
		{"yaml tab", "state: x\n\tlog: y\n", []string{"c.yaml: line 2: found a tab character that violates indentation"}},
		{"yaml list at top", "- a\n", []string{"c.yaml: line 1: the file must be a mapping of keys (state:, sources:, networks:, schedules:), not a list"}},
		{"every problem at once", "timezone: Nowhere\nschedules: [{name: a, cron: 'x'}, {name: a, cron: '@daily', order: up}]",
			[]string{
				`c.yaml: timezone: "Nowhere" is not a time zone; use an IANA name such as Europe/Paris, UTC or Local`,
				"c.yaml: schedules[0].cron: expected 5 fields, got 1 (minute hour day-of-month month day-of-week)",
				`c.yaml: schedules[1].name: "a" is used twice; names must be unique`,
				`c.yaml: schedules[1].order: "up" is not one of newest, oldest, random`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := config.Parse("c.yaml", []byte(tt.yaml), nil, networks.CheckAccount)
			if err == nil {
				t.Fatalf("Parse succeeded with %+v, want errors %q", c, tt.want)
			}
			if c != nil {
				t.Errorf("Parse returned a config with an error")
			}
			if !errors.Is(err, config.ErrInvalid) {
				t.Errorf("error %v is not ErrInvalid", err)
			}
			var ce *config.Error
			if !errors.As(err, &ce) || ce.File != "c.yaml" {
				t.Errorf("error %T is not a *config.Error for c.yaml", err)
			}
			lines := strings.Split(err.Error(), "\n")
			if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestParse_OtherAccounts: entries for different real accounts load, and
// so do entries whose account the config cannot tell (standard output, a
// secret not set): only one account named twice is refused.
func TestParse_OtherAccounts(t *testing.T) {
	const yaml = `
networks:
  - {name: a, kind: mastodon, server: https://m.example, access_token: '${TOKEN_A}'}
  - {name: b, kind: mastodon, server: https://m.example, access_token: '${TOKEN_B}'}
  - {name: c, kind: mastodon, server: https://n.example, access_token: '${TOKEN_A}'}
  - {name: out1, kind: outbox}
  - {name: out2, kind: outbox, path: '-'}
  - {name: x1, kind: x, client_id: app}
  - {name: x2, kind: x, client_id: app}
`
	path := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := config.Load(path, nil, []string{"TOKEN_A=ta", "TOKEN_B=tb"}, networks.CheckAccount); err != nil {
		t.Errorf("Load: %v", err)
	}
	// Unset, both tokens are empty: not taken for one account.
	if _, _, _, err := config.LoadLax(path, nil, nil, networks.CheckAccount); err != nil {
		t.Errorf("LoadLax with the tokens unset: %v", err)
	}
}

func TestParse_UnknownKeys(t *testing.T) {
	yaml := `
timzone: UTC
netwroks: []
log: {formt: json}
banana: 1
sources: [{name: a, kind: folder, path: x, pol: 1m}]
networks: [{name: o, kind: outbox, utm: {sorce: x}}]
schedules: [{name: a, cron: '@daily', crn: '@daily'}, {name: b, cron: '@daily', per_run: x, jiter: 1m}]
`
	_, warns, _ := config.Parse("c.yaml", []byte(yaml), nil, networks.CheckAccount)
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		"banana: unknown key",
		"log.formt: unknown key; did you mean format?",
		"networks[0].utm.sorce: unknown key; did you mean source?",
		"netwroks: unknown key; did you mean networks?",
		"schedules[0].crn: unknown key; did you mean cron?",
		// found even beside a type error in the same entry
		"schedules[1].jiter: unknown key; did you mean jitter?",
		"sources[0].pol: unknown key; did you mean poll?",
		"timzone: unknown key; did you mean timezone?",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoad_File(t *testing.T) {
	dir := t.TempDir()
	t.Run("missing file", func(t *testing.T) {
		_, _, err := config.Load(filepath.Join(dir, "nope.yaml"), nil, nil, networks.CheckAccount)
		if !errors.Is(err, os.ErrNotExist) || errors.Is(err, config.ErrInvalid) {
			t.Errorf("err = %v, want not-exist and not ErrInvalid", err)
		}
	})
	t.Run("problems name the path", func(t *testing.T) {
		path := filepath.Join(dir, "bad.yaml")
		if err := os.WriteFile(path, []byte("schedules: [{name: a, cron: '* *'}]"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, _, err := config.Load(path, hookline.DefaultConfig, nil, networks.CheckAccount)
		if want := path + ": schedules[0].cron: expected 5 fields, got 2"; err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("err = %v, want prefix %q", err, want)
		}
	})
}

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	tests := []struct {
		name, flag string
		env        []string
		file       bool
		want       string
	}{
		{"flag wins", "a.yaml", []string{"HOOKLINE_CONFIG=b.yaml"}, true, "a.yaml"},
		{"env next", "", []string{"HOOKLINE_CONFIG=b.yaml"}, true, "b.yaml"},
		{"local file", "", nil, true, "config.yaml"},
		{"embedded", "", nil, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove("config.yaml")
			if tt.file {
				if err := os.WriteFile("config.yaml", nil, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if got := config.Resolve(tt.flag, tt.env); got != tt.want {
				t.Errorf("Resolve = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestParse_XOAuth2BeforeAuth: an X account with only client_id loads, so
// that `hookline auth x NAME` can run to get its first refresh token.
func TestParse_XOAuth2BeforeAuth(t *testing.T) {
	_, _, err := config.Parse("c.yaml", []byte("networks: [{name: a, kind: x, client_id: id}]"), nil, networks.CheckAccount)
	if err != nil {
		t.Fatalf("client_id alone refused: %v", err)
	}
}

func TestLoad_EmptyRefused(t *testing.T) {
	tests := []struct{ name, data string }{
		{"nothing", ""},
		{"blanks", "\n  \n\n"},
		{"comments", "# networks:\n#  - {name: out, kind: outbox}\n"},
		{"empty mapping", "{}\n"},
		{"document marker", "---\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.yaml")
			if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
				t.Fatal(err)
			}
			c, _, err := config.Load(path, hookline.DefaultConfig, []string{"HOOKLINE_STATE=./s.db"}, networks.CheckAccount)
			want := path + ": the file is empty (no sources:, networks: or schedules:), so nothing would be posted; " +
				"write them into it, or remove the file to use the embedded default"
			if c != nil || err == nil || err.Error() != want || !errors.Is(err, config.ErrInvalid) || !errors.Is(err, config.ErrEmptyFile) {
				t.Errorf("Load = %+v, %v; want %q (ErrInvalid, ErrEmptyFile)", c, err, want)
			}
			// A running daemon keeps its config: removing the file would
			// not bring the embedded default in.
			want = path + ": the file is empty (no sources:, networks: or schedules:); the running config stays: " +
				"restore the file's content (it is reloaded when saved, or on SIGHUP)"
			if got := config.ForReload(err); got.Error() != want || !errors.Is(got, config.ErrEmptyFile) {
				t.Errorf("ForReload = %v; want %q", got, want)
			}
		})
	}
}

func TestLoad_NotARegularFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("state: ./s.db\n"+strings.Repeat("#", config.MaxFileSize)), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, path, want string }{
		{"device", "/dev/zero", "config: /dev/zero is not a regular file (a character device)"},
		{"directory", dir, "config: " + dir + " is not a regular file (a directory)"},
		{"too large", big, "config: " + big + " is larger than 1048576 bytes (1 MiB)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, _, err := config.Load(tc.path, hookline.DefaultConfig, nil, networks.CheckAccount)
			if c != nil || err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("Load(%s) = %+v, %v; want %q", tc.path, c, err, tc.want)
			}
		})
	}
}

func TestParse_durationsInDays(t *testing.T) {
	tests := []struct {
		name, value string
		want        time.Duration
		wantErr     bool
	}{
		{"days", "3d", 72 * time.Hour, false},
		{"days and hours", "1d12h", 36 * time.Hour, false},
		{"hours still", "90m", 90 * time.Minute, false},
		{"fraction of a day", "1.5d", 0, true},
		{"negative days", "-1d", 0, true},
		{"days then junk", "2dx", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			yaml := "networks: [{name: o, kind: outbox}]\nschedules: [{name: s, cron: '@daily', max_age: '" + tt.value + "'}]"
			c, _, err := config.Parse("c.yaml", []byte(yaml), nil, nil)
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "schedules[0].max_age: ") {
					t.Fatalf("err = %v, want one naming schedules[0].max_age", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Schedules[0].MaxAge; got != tt.want {
				t.Errorf("max_age = %v, want %v", got, tt.want)
			}
		})
	}
}

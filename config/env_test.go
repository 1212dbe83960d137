package config_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

func TestParse_EnvOverrides(t *testing.T) {
	env := []string{
		"HOOKLINE_STATE=/var/lib/hookline/state.db",
		"HOOKLINE_TIMEZONE=Europe/Paris",
		"HOOKLINE_LOG_FORMAT=json",
		"HOOKLINE_LOG_LEVEL=debug",
		"HOOKLINE_LISTEN=127.0.0.1:9090",
		"HOOKLINE_SHUTDOWN_TIMEOUT=5s",
		"HOOKLINE_TEASER_HASHTAGS=2",
		"HOOKLINE_NETWORKS_X_MAIN_ACCESS_TOKEN=from-env-$HOME-${NOT_EXPANDED}",
		"HOOKLINE_NETWORKS_X_MAIN_DAILY_CAP=5",
		"HOOKLINE_NETWORKS_MASTO_UTM_SOURCE=mastodon",
		"HOOKLINE_SOURCES_BLOG_POLL=1h",
		"HOOKLINE_SCHEDULES_DAILY_NETWORKS=masto, sky",
		"HOOKLINE_SCHEDULES_DAILY_CRON=30 8 * * 1-5",
		"HOOKLINE_NETWORKS_NOBODY_ACCESS_TOKEN=x",
		"HOOKLINE_CONFIG=ignored.yaml",
	}
	c, warns, err := config.Parse("c.yaml", []byte(valid), env, networks.CheckAccount)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"state", c.State, "/var/lib/hookline/state.db"},
		{"timezone", c.Timezone, "Europe/Paris"},
		{"log.format", c.Log.Format, "json"},
		{"log.level", c.Log.Level, "debug"},
		{"listen", c.Listen, "127.0.0.1:9090"},
		{"shutdown_timeout", c.ShutdownTimeout, 5 * time.Second},
		{"teaser.hashtags", c.Teaser.Hashtags, 2},
		{"secret from env, not expanded again", c.Networks[1].AccessToken.Value(), "from-env-$HOME-${NOT_EXPANDED}"},
		{"other secrets kept", c.Networks[1].ConsumerKey.Value(), "ck"},
		{"int in a list entry", c.Networks[1].DailyCap, 5},
		{"nested key in a list entry", c.Networks[2].UTM.Source, "mastodon"},
		{"duration in a list entry", c.Sources[0].Poll, time.Hour},
		{"list in a list entry", strings.Join(c.Schedules[0].Networks, ","), "masto,sky"},
		{"cron", c.Schedules[0].Cron, "30 8 * * 1-5"},
	}
	for _, ch := range checks {
		t.Run(ch.name, func(t *testing.T) {
			if ch.got != ch.want {
				t.Errorf("got %v, want %v", ch.got, ch.want)
			}
		})
	}
	if len(warns) != 1 || warns[0].Key != "HOOKLINE_NETWORKS_NOBODY_ACCESS_TOKEN" {
		t.Errorf("warnings = %v, want one for HOOKLINE_NETWORKS_NOBODY_ACCESS_TOKEN", warns)
	}
}

func TestParse_EnvOverrideIsValidated(t *testing.T) {
	_, _, err := config.Parse("c.yaml", []byte(valid), []string{"HOOKLINE_SCHEDULES_DAILY_PER_RUN=many", "HOOKLINE_LOG_FORMAT=xml"}, networks.CheckAccount)
	want := "c.yaml: log.format: \"xml\" is not one of text, json"
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), `schedules[0].per_run: expected a whole number, got "many"`) {
		t.Errorf("err = %v", err)
	}
}

func TestParse_Expand(t *testing.T) {
	env := []string{"TOKEN=t0k$en", "EMPTY=", "HOST=m.example", "TOKEN=last-wins"}
	tests := []struct {
		name, value, want string
	}{
		{"whole value", "${TOKEN}", "last-wins"},
		{"inside text", "https://${HOST}/api", "https://m.example/api"},
		{"default when unset", "${MISSING:-fallback}", "fallback"},
		{"default when empty", "${EMPTY:-fallback}", "fallback"},
		{"set but empty", "${EMPTY}", ""},
		{"lone dollar kept", "pa$word", "pa$word"},
		{"escaped", "$${TOKEN}", "${TOKEN}"},
		{"two", "${HOST}${HOST}", "m.examplem.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			yaml := "networks: [{name: o, kind: outbox, path: '" + tt.value + "'}]"
			c, _, err := config.Parse("c.yaml", []byte(yaml), env, networks.CheckAccount)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Networks[0].Path; got != tt.want {
				t.Errorf("path = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("bad name", func(t *testing.T) {
		_, _, err := config.Parse("c.yaml", []byte("state: '${1X}'"), env, networks.CheckAccount)
		if err == nil || err.Error() != `c.yaml: state: "${1X}": not a variable name (letters, digits and _)` {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("keys are not expanded, values in lists are", func(t *testing.T) {
		c, _, err := config.Parse("c.yaml", []byte("sources: [{name: s, kind: urls, urls: ['https://${HOST}/a']}]"), env, networks.CheckAccount)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(c.Sources[0].URLs, []string{"https://m.example/a"}) {
			t.Errorf("urls = %v", c.Sources[0].URLs)
		}
	})
}

func TestEnvName(t *testing.T) {
	for in, want := range map[string]string{"x-main": "X_MAIN", "masto": "MASTO", "a.b_c": "A_B_C"} {
		if got := config.EnvName(in); got != want {
			t.Errorf("EnvName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadLax_unsetSecrets(t *testing.T) {
	const yaml = `
state: ./h.db
networks:
  - {name: masto, kind: mastodon, server: https://m.example, access_token: '${MASTODON_TOKEN}'}
  - {name: x-main, kind: x, consumer_key: '${X_KEY}', consumer_secret: s, access_token: t, access_secret: a}
`
	tests := []struct {
		name      string
		yaml      string
		env       []string
		wantUnset []string
		wantErr   string
	}{
		{"unset secrets left empty", yaml, nil, []string{"networks[0].access_token", "networks[1].consumer_key"}, ""},
		{"set secrets used", yaml, []string{"MASTODON_TOKEN=tok", "X_KEY=k"}, nil, ""},
		{"other keys still fail", "state: '${STATE_DIR}/h.db'\nnetworks: [{name: o, kind: outbox}]", nil, nil,
			"c.yaml: state: ${STATE_DIR} is not set; export STATE_DIR=... in the environment that runs hookline, or write ${STATE_DIR:-default} in the file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			c, _, unset, err := config.LoadLax(path, nil, tt.env, networks.CheckAccount)
			if tt.wantErr != "" {
				if err == nil || !strings.HasSuffix(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, w := range unset {
				keys = append(keys, w.Key)
			}
			if !slices.Equal(keys, tt.wantUnset) {
				t.Errorf("unset = %v, want %v", keys, tt.wantUnset)
			}
			if len(tt.wantUnset) > 0 && c.Networks[0].AccessToken != "" {
				t.Errorf("access_token = %q, want empty", c.Networks[0].AccessToken.Value())
			}
			// The strict load fails on the same file.
			if _, _, err := config.Load(path, nil, tt.env, networks.CheckAccount); (err != nil) != (len(tt.wantUnset) > 0) {
				t.Errorf("Load: %v", err)
			}
		})
	}
}

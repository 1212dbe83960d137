package config_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

// FuzzLoad feeds arbitrary bytes to the loader: it never panics, a loaded
// config validates and shows, and every error is ErrInvalid with one
// "file: problem" line per problem.
func FuzzLoad(f *testing.F) {
	f.Add(hookline.DefaultConfig)
	f.Add([]byte(valid))
	f.Add([]byte(secretConfig))
	f.Add([]byte("schedules: [{name: a, cron: '* * * *', per_run: x, quiet: '25:00-1'}]"))
	f.Add([]byte("networks: {name: a}\nstate: ${X:-y}\n"))
	f.Add([]byte("a: &a [*a, *a]\nb: [*a,*a,*a]"))
	f.Add([]byte("- 1\n"))
	f.Add([]byte("state: x\n  bad: indent\n"))
	f.Add([]byte("1: 2\n? [a]\n: b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _, err := config.Parse("f.yaml", data, []string{"X=1", "HOOKLINE_NETWORKS_A_ACCESS_TOKEN=t"}, networks.CheckAccount)
		if err != nil {
			if c != nil {
				t.Fatal("config returned with an error")
			}
			if !errors.Is(err, config.ErrInvalid) {
				t.Fatalf("error is not ErrInvalid: %v", err)
			}
			msg := err.Error()
			if !utf8.ValidString(msg) {
				t.Fatalf("error is not UTF-8: %q", msg)
			}
			for _, line := range strings.Split(msg, "\n") {
				if !strings.HasPrefix(line, "f.yaml: ") || len(line) <= len("f.yaml: ") {
					t.Fatalf("error line %q does not name the file and a problem", line)
				}
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("loaded config does not validate: %v", err)
		}
		shown, err := config.Show(c)
		if err != nil {
			t.Fatalf("Show: %v", err)
		}
		if strings.Contains(string(shown), "${") {
			return // a literal "${" from $${ would be expanded again
		}
		if _, _, err := config.Parse("shown.yaml", shown, nil, networks.CheckAccount); err != nil {
			t.Fatalf("config show output does not load: %v\n%s", err, shown)
		}
	})
}

package config_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

// secretConfig sets every secret to a unique marker, half from the file and
// half from the environment.
const secretConfig = `
networks:
  - {name: x1, kind: x, consumer_key: MARK-ck, consumer_secret: MARK-cs, access_token: '${XT}', access_secret: MARK-as}
  - {name: x2, kind: x, client_id: id, client_secret: MARK-clsec, refresh_token: MARK-rt}
  - {name: m, kind: mastodon, server: https://m.example, access_token: MARK-mt}
  - {name: b, kind: bluesky, identifier: me, app_password: MARK-pw}
`

var secretEnv = []string{"XT=MARK-xt", "HOOKLINE_NETWORKS_B_APP_PASSWORD=MARK-envpw"}

func TestShow_RedactsEverySecret(t *testing.T) {
	c, _, err := config.Parse("c.yaml", []byte(secretConfig), secretEnv, networks.CheckAccount)
	if err != nil {
		t.Fatal(err)
	}
	if c.Networks[3].AppPassword.Value() != "MARK-envpw" || c.Networks[0].AccessToken.Value() != "MARK-xt" {
		t.Fatalf("secrets not loaded: %q %q", c.Networks[3].AppPassword.Value(), c.Networks[0].AccessToken.Value())
	}
	shown, err := config.Show(c)
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"show":          string(shown),
		"json":          string(js),
		"%v":            fmt.Sprintf("%v", c),
		"%+v":           fmt.Sprintf("%+v", *c),
		"%#v":           fmt.Sprintf("%#v", *c),
		"redacted %#v":  fmt.Sprintf("%#v", *c.Redacted()),
		"redacted json": mustJSON(t, c.Redacted()),
	}
	for name, out := range outputs {
		t.Run(name, func(t *testing.T) {
			if strings.Contains(out, "MARK") {
				t.Errorf("a secret leaked:\n%s", out)
			}
		})
	}
	if n := strings.Count(string(shown), "[redacted]"); n != 8 {
		t.Errorf("show has %d [redacted], want 8:\n%s", n, shown)
	}
	if c.Networks[1].RefreshToken.Value() != "MARK-rt" {
		t.Error("Redacted changed the original config")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestShow_RoundTrips(t *testing.T) {
	c, _, err := config.Parse("c.yaml", []byte(valid), nil, networks.CheckAccount)
	if err != nil {
		t.Fatal(err)
	}
	shown, err := config.Show(c)
	if err != nil {
		t.Fatal(err)
	}
	again, warns, err := config.Parse("shown.yaml", shown, nil, networks.CheckAccount)
	if err != nil || len(warns) > 0 {
		t.Fatalf("config show output does not load: %v %v\n%s", err, warns, shown)
	}
	if fmt.Sprintf("%+v", again.Redacted()) != fmt.Sprintf("%+v", c.Redacted()) {
		t.Errorf("round trip changed the config:\n%+v\n%+v", again, c)
	}
}

func TestCheckPermissions(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		yaml string
		mode os.FileMode
		warn string
	}{
		{"secret readable by others", "networks: [{name: m, kind: mastodon, server: https://m.example, access_token: tok}]", 0o644, "networks[0].access_token"},
		{"secret readable by group", "networks: [{name: m, kind: mastodon, server: https://m.example, access_token: tok}]", 0o640, "networks[0].access_token"},
		{"secret, private file", "networks: [{name: m, kind: mastodon, server: https://m.example, access_token: tok}]", 0o600, ""},
		{"only references", "networks: [{name: m, kind: mastodon, server: https://m.example, access_token: '${T}'}]", 0o644, ""},
		{"no secrets", "state: ./x.db", 0o644, ""},
		{"web token readable by others", "web: {token: 0123456789abcdef0123456789}", 0o644, "web.token"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("c%d.yaml", i))
			if err := os.WriteFile(path, []byte(tt.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}
			warns := config.CheckPermissions(path)
			if tt.warn == "" {
				if len(warns) > 0 {
					t.Errorf("warnings = %v, want none", warns)
				}
				return
			}
			if len(warns) != 1 || warns[0].Key != tt.warn || !strings.Contains(warns[0].Msg, "chmod 600 "+path) || strings.Contains(warns[0].Msg, "tok") {
				t.Errorf("warnings = %v, want one for %s", warns, tt.warn)
			}
			_, loadWarns, err := config.Load(path, nil, []string{"T=x"}, networks.CheckAccount)
			if err != nil || len(loadWarns) != 1 {
				t.Errorf("Load: %v, warnings %v; want the permission warning", err, loadWarns)
			}
		})
	}
}

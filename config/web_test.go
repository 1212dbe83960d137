package config

import (
	"strings"
	"testing"
)

func TestConfig_ValidateWeb(t *testing.T) {
	tests := []struct {
		name   string
		listen string
		web    Web
		want   string // "" for valid
	}{
		{name: "off", listen: "0.0.0.0:9090", web: Web{}},
		{name: "on, default listen", web: Web{Enabled: true, Token: "0123456789abcdef"}},
		{name: "on, loopback", listen: "[::1]:8484", web: Web{Enabled: true, Token: "0123456789abcdef"}},
		{name: "no token", listen: "127.0.0.1:8484", web: Web{Enabled: true}, want: "web.token: required"},
		{name: "short token", web: Web{Enabled: true, Token: "short"}, want: "at least 16 characters"},
		{name: "all interfaces", listen: ":8484", web: Web{Enabled: true, Token: "0123456789abcdef"}, want: "web.allow_remote"},
		{name: "remote on purpose", listen: "0.0.0.0:8484", web: Web{Enabled: true, Token: "0123456789abcdef", AllowRemote: true}},
		{name: "bad base path", web: Web{Enabled: true, Token: "0123456789abcdef", BasePath: "hookline/"}, want: "web.base_path"},
		{name: "base path", web: Web{Enabled: true, Token: "0123456789abcdef", BasePath: "/hookline"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := (&Config{Listen: tt.listen, Web: tt.web}).WithDefaults()
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate: %v, want %q", err, tt.want)
			}
			if tt.web.Enabled && tt.listen == "" && c.Listen != DefaultWebListen {
				t.Errorf("listen = %q, want %q", c.Listen, DefaultWebListen)
			}
		})
	}
}

func TestConfig_webTokenIsSecret(t *testing.T) {
	c := (&Config{Web: Web{Enabled: true, Token: "0123456789abcdef-secret"}}).WithDefaults()
	if r := c.Redacted(); r.Web.Token.Value() == "0123456789abcdef-secret" {
		t.Error("Redacted keeps web.token")
	}
	found := false
	for _, s := range c.Secrets() {
		found = found || s == "0123456789abcdef-secret"
	}
	if !found {
		t.Error("Secrets lacks web.token, so the redactor would not hide it")
	}
}

package outbox

import (
	"path/filepath"

	"github.com/hookline/hookline/teaser/fit"
)

// Config holds the keys of a networks entry that kind outbox reads;
// publish/networks maps it and applies the keys all kinds share.
type Config struct {
	// Name identifies the account in errors and logs.
	Name string `mapstructure:"name"`
	// Path is the file posts are appended to; "" or "-" for standard output.
	Path string `mapstructure:"path"`
}

// Check reports nothing: every outbox config is valid until its file is
// opened. It is there so that every kind is checked the same way.
func (Config) Check() error { return nil }

// Identity is the file the account writes to: its absolute path, cleaned,
// with symbolic links followed (those of its folder when the file does not
// exist yet, so the identity stays once it is created). Empty for standard
// output ("" or "-"), which is never the same account twice.
func (c Config) Identity() string {
	if c.Path == "" || c.Path == "-" {
		return ""
	}
	abs, err := filepath.Abs(c.Path)
	if err != nil {
		return filepath.Clean(c.Path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// Rules are an outbox's: no limit (an account's max_chars sets one),
// grapheme clusters with URLs as written.
func Rules() fit.Rules { return fit.Rules{Network: "outbox"} }

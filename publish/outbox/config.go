package outbox

import "github.com/hookline/hookline/teaser/fit"

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

// Rules are an outbox's: no limit (an account's max_chars sets one),
// grapheme clusters with URLs as written.
func Rules() fit.Rules { return fit.Rules{Network: "outbox"} }

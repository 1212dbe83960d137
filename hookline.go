// Package hookline holds what the repository ships besides code: the
// embedded default config, default.yaml.
package hookline

import _ "embed"

// DefaultConfig is the repository's default.yaml: the config Hookline runs
// on when no config file is given or found, and the starter that
// `hookline config init` writes. The config.yaml a user edits is never
// compiled in, so editing it changes neither the binary nor the tests.
//
//go:embed default.yaml
var DefaultConfig []byte

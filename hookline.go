// Package hookline holds what the repository ships besides code: the
// embedded default config.yaml.
package hookline

import _ "embed"

// DefaultConfig is the repository's config.yaml, used when no config file is
// given or found.
//
//go:embed config.yaml
var DefaultConfig []byte

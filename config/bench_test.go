package config_test

import (
	"testing"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

// BenchmarkParse measures loading the embedded default config, which a
// reload (file watch or SIGHUP) pays once.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := config.Parse("bench.yaml", hookline.DefaultConfig, nil, networks.CheckAccount); err != nil {
			b.Fatal(err)
		}
	}
}

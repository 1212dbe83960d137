package config_test

import (
	"testing"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/config"
)

// BenchmarkParse measures loading the embedded default config, which a
// reload (file watch or SIGHUP) pays once.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := config.Parse("bench.yaml", hookline.DefaultConfig, nil); err != nil {
			b.Fatal(err)
		}
	}
}

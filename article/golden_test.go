package article

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenInputs are the articles whose parse is pinned: the style model,
// the repo's sample articles and the test articles in testdata.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	var in []string
	for _, pattern := range []string{
		"../../shared/articles/*.txt",
		"../examples/articles/*",
		"testdata/*.txt", "testdata/*.md", "testdata/*.html",
	} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, m...)
	}
	return in
}

func TestParse_golden(t *testing.T) {
	inputs := goldenInputs(t)
	if len(inputs) < 8 {
		t.Fatalf("found %d golden inputs, want at least 8: %v", len(inputs), inputs)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(filepath.Base(in), data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestParse_golden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; got:\n%s", in, golden, got)
			}
		})
	}
}

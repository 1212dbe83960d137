package hookline_test

import (
	"bytes"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/config"
)

// TestDefaultConfig_notUserConfig proves that the config.yaml a user edits
// reaches neither the binary nor the tests: no package of the module embeds
// it, no Go file names it by a path into the repository's root, and the
// embedded default is default.yaml, which loads with no environment at all.
func TestDefaultConfig_notUserConfig(t *testing.T) {
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	userConfig := filepath.Join(root, "config.yaml")
	literal := regexp.MustCompile(`"((?:\.\./)+config\.yaml)"`)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			pkg, err := build.ImportDir(path, 0)
			if err != nil {
				return nil // no Go files here
			}
			for _, pats := range [][]string{pkg.EmbedPatterns, pkg.TestEmbedPatterns, pkg.XTestEmbedPatterns} {
				for _, p := range pats {
					if m, _ := filepath.Glob(filepath.Join(path, p)); slices.Contains(m, userConfig) {
						t.Errorf("%s embeds %s: the user's config would be compiled in", path, p)
					}
				}
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range literal.FindAllSubmatch(src, -1) {
			if filepath.Join(filepath.Dir(path), string(m[1])) == userConfig {
				t.Errorf("%s reads the user's config.yaml (%s)", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("default.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(hookline.DefaultConfig, want) {
		t.Error("DefaultConfig is not default.yaml")
	}
	if _, _, err := config.Parse(config.Embedded, hookline.DefaultConfig, nil, nil); err != nil {
		t.Errorf("the embedded default needs something from the environment: %v", err)
	}
}

package teaser

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const modelPath = "../../shared/articles/kim-jong-un-china-trip.txt"

// goldenInput is an article to tease, by the name of its golden file.
type goldenInput struct {
	name string
	file string
	data []byte
}

// goldenInputs lists the style model (whole, and without its hook
// paragraph), the repository's example articles and the test articles.
func goldenInputs(t *testing.T) []goldenInput {
	t.Helper()
	model, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatalf("style model: %v", err)
	}
	_, body, _ := bytes.Cut(model, []byte("\n"))
	ins := []goldenInput{
		{name: "model", file: "kim-jong-un-china-trip.txt", data: model},
		{name: "model-without-hook", file: "kim-jong-un-china-trip.txt", data: body},
	}
	for _, dir := range []string{"../examples/articles", "testdata/articles"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			ins = append(ins, goldenInput{name: name, file: filepath.Base(p), data: data})
		}
	}
	return ins
}

// render writes every variant of a's teaser, one sentence a line with its role.
func render(t *testing.T, a *article.Article) string {
	t.Helper()
	var b strings.Builder
	for v := 0; v <= Variants; v++ {
		res, err := Compose(a, Options{Variant: v})
		if err != nil {
			t.Fatal(err)
		}
		label := fmt.Sprintf("variant %d", v)
		if v == 0 {
			label = "default variant"
		}
		fmt.Fprintf(&b, "== %s (%d characters)\n", label, len([]rune(res.Teaser.String())))
		for _, s := range res.Teaser.Sentences {
			fmt.Fprintf(&b, "%-8s %s\n", s.Role, s.Text)
		}
		if v == 0 {
			fmt.Fprintf(&b, "keyphrases: %s\nhashtags: %s\n", strings.Join(res.Keyphrases, " | "), strings.Join(res.Hashtags, " "))
		}
	}
	return b.String()
}

func TestCompose_golden(t *testing.T) {
	for _, in := range goldenInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			a, err := article.Parse(in.file, in.data)
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, a)
			path := filepath.Join("testdata", "golden", in.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./teaser -run TestCompose_golden -update)", err)
			}
			if got != string(want) {
				t.Errorf("teaser of %s changed (-update to accept):\n--- got\n%s--- want\n%s", in.file, got, want)
			}
		})
	}
}

// TestCompose_modelHook checks that an article with its own hook gets that
// hook back: the style model's first paragraph, sentence for sentence.
func TestCompose_modelHook(t *testing.T) {
	data, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse("model.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Hook == "" {
		t.Fatal("the article reader did not recognise the model's hook paragraph: the model's first paragraph must be read as its hook")
	}
	res, err := Compose(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Teaser.String(); got != a.Hook {
		t.Errorf("teaser = %q, want the article's hook %q", got, a.Hook)
	}
}

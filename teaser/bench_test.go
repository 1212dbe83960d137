package teaser

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser/fit"
)

// pipeline is what Hookline does per article and account set: keyphrases,
// hashtags and teaser, then one post for each of the three networks.
func pipeline(b *testing.B, a *article.Article) {
	res, err := Compose(a, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range []fit.Rules{fit.X(), fit.Mastodon(0, 0), fit.Bluesky()} {
		if _, err := res.Post(r, "https://example.org/world/kim-jong-un-china-trip", 3); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipeline runs the pipeline on the 2.6 KB style model, whole (its
// own hook becomes the teaser) and without its hook paragraph (the teaser
// is written from the article). Target: median at most 250 µs on one core
// (go test -bench Pipeline -cpu 1).
func BenchmarkPipeline(b *testing.B) {
	data, err := os.ReadFile(modelPath)
	if err != nil {
		b.Skip(err)
	}
	_, body, _ := bytes.Cut(data, []byte("\n"))
	for _, in := range []struct {
		name string
		data []byte
	}{{"model", data}, {"model-without-hook", body}} {
		a, err := article.Parse("model.txt", in.data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				pipeline(b, a)
			}
		})
	}
}

// BenchmarkPipeline_size runs the pipeline on articles of 1 KB, 2.6 KB (the
// size of the speed target), 10 KB, 100 KB and 1 MB made
// of XSum documents, to show that the cost grows linearly with size. The
// teaser reads at most maxSentences sentences (the 1 MB article has about
// 8,000); keyphrases come from the whole text.
func BenchmarkPipeline_size(b *testing.B) {
	_, arts := xsumArticles(b)
	for _, size := range []int{1 << 10, 2662, 10 << 10, 100 << 10, 1 << 20} {
		a := &article.Article{Title: "Benchmark article"}
		n := 0
		for i := 0; n < size; i++ {
			for _, p := range arts[i%len(arts)].Paragraphs {
				if n >= size {
					break
				}
				a.Paragraphs = append(a.Paragraphs, p)
				n += len(p) + 1
			}
		}
		a.Finish()
		b.Run(strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", float64(size)/1024), "0"), ".")+"KB", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(strings.Join(a.Paragraphs, "\n"))))
			for b.Loop() {
				pipeline(b, a)
			}
		})
	}
}

// BenchmarkDraft is the teaser writer alone (sentences, ranking,
// compression, questions) on the style model without its hook, with the
// keyphrases computed beforehand.
func BenchmarkDraft(b *testing.B) {
	data, err := os.ReadFile(modelPath)
	if err != nil {
		b.Skip(err)
	}
	_, body, _ := bytes.Cut(data, []byte("\n"))
	a, err := article.Parse("model.txt", body)
	if err != nil {
		b.Fatal(err)
	}
	res, err := Compose(a, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		draftFor(a, res.Keyphrases, Options{})
	}
}

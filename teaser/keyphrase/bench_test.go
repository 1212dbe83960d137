package keyphrase

import (
	"fmt"
	"testing"

	"github.com/hookline/hookline/article"
)

// benchArticle builds an article of about size bytes from KPCrowd articles
// (each a paragraph, the first title the title), so that sizes compare.
func benchArticle(b *testing.B, size int) *article.Article {
	b.Helper()
	names := evalFiles(b)
	a := &article.Article{}
	n := 0
	for i := 0; n < size; i++ {
		src := loadText(b, names[i%len(names)])
		if a.Title == "" {
			a.Title = src.Title
			n += len(src.Title)
		}
		for _, p := range src.Paragraphs {
			if n >= size {
				break
			}
			if len(p) > size-n {
				p = p[:size-n]
			}
			a.Paragraphs = append(a.Paragraphs, p)
			n += len(p)
		}
	}
	return a
}

func BenchmarkExtract(b *testing.B) {
	for _, size := range []int{1 << 10, 10 << 10, 100 << 10, 1 << 20} {
		a := benchArticle(b, size)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				Extract(a, 10)
			}
		})
	}
}

// BenchmarkExtract_Sample times the shared 2.6 KB sample article.
func BenchmarkExtract_Sample(b *testing.B) {
	a := loadText(b, "../../../shared/articles/kim-jong-un-china-trip.txt")
	b.ReportAllocs()
	for b.Loop() {
		Extract(a, 10)
	}
}

func BenchmarkHashtags(b *testing.B) {
	phrases := []string{"Kim Jong Un", "China", "diplomatic", "North Korea", "Xi Jinping", "North Korean", "East Asia"}
	b.ReportAllocs()
	for b.Loop() {
		Hashtags(phrases, 3)
	}
}

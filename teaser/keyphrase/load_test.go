package keyphrase

import (
	"os"
	"testing"

	"github.com/hookline/hookline/article"
)

// loadText reads an article file with the article package's reader, as
// `hookline keywords` does.
func loadText(t testing.TB, path string) *article.Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(path, b)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return a
}

package teaser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/article"
)

// maxArticleHeap bounds the heap one 10 MB article may take on its way to a
// teaser, loaded, parsed and composed (the 60 MB peak, for the Go
// heap the work adds above what was live before).
const maxArticleHeap = 60 << 20

// TestCompose_MemoryBound loads a 10 MB article (text, Markdown, HTML) and
// composes its teaser while sampling the live heap; its peak above the
// starting heap stays under maxArticleHeap.
func TestCompose_MemoryBound(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10 MB articles")
	}
	for _, tt := range []struct{ name, body string }{
		{"big.txt", bigText(article.DefaultMaxBytes - 1024)},
		{"big.md", "# Ferry goes electric\n\n" + bigText(article.DefaultMaxBytes-1024)},
		{"big.html", bigHTML(article.DefaultMaxBytes - 1024)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name)
			if err := os.WriteFile(path, []byte(tt.body), 0o600); err != nil {
				t.Fatal(err)
			}
			tt.body = ""
			peak := peakHeap(t, func() {
				a, err := article.Load(context.Background(), path, article.LoadOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := Compose(a, Options{}); err != nil {
					t.Fatal(err)
				}
			})
			t.Logf("%s: peak heap %.1f MB above the start", tt.name, float64(peak)/(1<<20))
			if peak > maxArticleHeap {
				t.Errorf("%s: peak heap %.1f MB above the start, want under %d MB", tt.name, float64(peak)/(1<<20), maxArticleHeap>>20)
			}
		})
	}
}

// peakHeap runs fn and returns the highest heap (objects live or not yet
// swept) seen while it ran, above the live heap before it.
func peakHeap(t *testing.T, fn func()) uint64 {
	t.Helper()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	base := read()
	var (
		peak = base // written by the sampler alone, read after it ends
		stop = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		for {
			v := read()
			peak = max(peak, v)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return max(peak, read()) - base
}

// bigText is plain text of about n bytes: a title and many paragraphs.
func bigText(n int) string {
	var b strings.Builder
	b.Grow(n)
	b.WriteString("Ferry goes electric\n\n")
	for i := 0; b.Len() < n-400; i++ {
		fmt.Fprintf(&b, "The harbour ferry number %d now runs on batteries charged overnight at the pier, the port authority said on Tuesday. Riders said the crossing was quieter and the fares stayed the same.\n\n", i)
	}
	return b.String()
}

// bigHTML is a news page of about n bytes.
func bigHTML(n int) string {
	var b strings.Builder
	b.Grow(n)
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry goes electric</title></head><body><main><article><h1>Ferry goes electric</h1>`)
	for i := 0; b.Len() < n-400; i++ {
		fmt.Fprintf(&b, "<p>The harbour ferry number %d now runs on <a href=\"/f/%d\">batteries</a> charged overnight at the pier, the port authority said on Tuesday.</p>\n", i, i)
	}
	b.WriteString(`</article></main></body></html>`)
	return b.String()
}

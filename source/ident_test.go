package source

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

// An edited file without a URL stays the same article: the edit is a
// change, not a new story to post.
func TestFolder_EditKeepsID(t *testing.T) {
	st := openStore(t)
	dir := t.TempDir()
	name := filepath.Join(dir, "news", "library.txt")
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	const story = "Library hours\n\nThe city library opens until midnight from next month, the council said.\n"
	src, err := New(config.Source{Name: "local", Kind: config.SourceFolder, Path: dir}, Deps{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// The edit changes the size, so the folder sees it without waiting for
	// the clock.
	for _, body := range []string{story, strings.Replace(story, "midnight", "eleven", 1)} {
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := src.Poll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := articleIDs(t, st, ""), []string{"folder:local:news/library.txt"}; !slices.Equal(got, want) {
		t.Fatalf("articles %q, want %q", got, want)
	}
	a, err := st.Article(ctx, "folder:local:news/library.txt")
	if err != nil || !strings.Contains(a.Body(), "eleven") {
		t.Fatalf("edited article %+v, %v", a, err)
	}
}

func TestFileID(t *testing.T) {
	dir := t.TempDir()
	sources := []config.Source{
		{Name: "blog", Kind: config.SourceFeed, URL: "https://blog.example/feed"},
		{Name: "local", Kind: config.SourceFolder, Path: filepath.Join(dir, "articles")},
	}
	tests := []struct {
		name, file, want string
		ok               bool
	}{
		{"inside the folder", filepath.Join(dir, "articles", "a.txt"), "folder:local:a.txt", true},
		{"in a subfolder", filepath.Join(dir, "articles", "x", "b.md"), "folder:local:x/b.md", true},
		{"through ..", filepath.Join(dir, "articles", "x", "..", "a.txt"), "folder:local:a.txt", true},
		{"beside the folder", filepath.Join(dir, "articles-old", "a.txt"), "", false},
		{"outside", filepath.Join(dir, "a.txt"), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FileID(sources, tt.file)
			if got != tt.want || ok != tt.ok {
				t.Errorf("FileID(%q) = %q, %v; want %q, %v", tt.file, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// A feed item without a link is known by its GUID: an edit of its text is
// the same article, and two feeds with the same GUIDs do not collide.
func TestFeed_ItemWithoutLinkKeepsGUID(t *testing.T) {
	st := openStore(t)
	feed := func(body string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title><link>https://notes.example/</link>` +
			`<item><title>Ferry goes electric</title><guid isPermaLink="false">note-17</guid><pubDate>Mon, 05 May 2025 10:00:00 GMT</pubDate>` +
			`<description>` + body + `</description></item></channel></rss>`
	}
	fs := &feedServer{}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	ctx := context.Background()
	a, b := newFeed(t, st, srv.URL, 5), newFeed(t, st, srv.URL, 5)
	b.cfg.Name = "other"
	fs.set(feed("The harbour ferry runs on batteries now, the city said."))
	for _, src := range []*Feed{a, b} {
		if _, err := src.Poll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	fs.set(feed("The harbour ferry runs on batteries now, the city said on Monday."))
	st2, err := a.Poll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st2.Changed != 1 || st2.New != 0 {
		t.Errorf("edited item: %+v, want 1 changed", st2)
	}
	if got, want := articleIDs(t, st, ""), []string{"feed:blog:note-17", "feed:other:note-17"}; !slices.Equal(got, want) {
		t.Fatalf("articles %q, want %q", got, want)
	}
}

// articleIDs returns the ids of the articles stored from source (all when
// empty), sorted.
func articleIDs(t *testing.T, st *store.Store, source string) []string {
	t.Helper()
	rows, err := st.DB().Query("SELECT id FROM articles WHERE ? IN ('', source) ORDER BY id", source)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

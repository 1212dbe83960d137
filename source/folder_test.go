package source

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
)

func TestFolder_NewAndChangedFiles(t *testing.T) {
	st := openStore(t)
	dir := t.TempDir()
	write := func(name, body string, mod time.Time) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	md := "---\ntitle: Ferry goes electric\nurl: https://news.example/ferry\n---\nThe harbour ferry runs on batteries now, the city said on Monday.\n\nIt carries two hundred people.\n"
	write("ferry.md", md, day)
	write("notes.txt", "Library hours\n\nThe city library opens until midnight from next month, the council said.\n", day)
	write("image.png", "\x89PNG", day)
	write("broken.md", "---\ntitle: [unclosed\n---\nBody.\n", day)
	src, err := New(config.Source{Name: "f", Kind: "folder", Path: dir}, Deps{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tests := []struct {
		name   string
		change func()
		want   Stats
	}{
		{"first poll reads every article file", func() {}, Stats{New: 2, Failed: 1}},
		{"nothing changed: nothing read", func() {}, Stats{}},
		{"touched, same content: nothing stored", func() { write("ferry.md", md, day.Add(time.Hour)) }, Stats{}},
		{"edited: changed, same id", func() {
			write("ferry.md", md+"\nTickets cost two euros.\n", day.Add(2*time.Hour))
		}, Stats{Changed: 1}},
		{"new file", func() {
			write("sub/train.md", "---\ntitle: Night train\n---\nThe night train returns after ten years, the operator said.\n", day)
		}, Stats{New: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.change()
			got, err := src.Poll(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("stats %+v, want %+v", got, tt.want)
			}
		})
	}
	a, err := st.Article(ctx, "https://news.example/ferry")
	if err != nil || len(a.Paragraphs) < 2 {
		t.Fatalf("edited article: %+v, %v", a, err)
	}
}

func TestFolder_Missing(t *testing.T) {
	src, _ := New(config.Source{Name: "f", Kind: "folder", Path: filepath.Join(t.TempDir(), "nope")}, Deps{Store: openStore(t)})
	if _, err := src.Poll(context.Background()); err == nil {
		t.Fatal("no error for a missing folder")
	}
}

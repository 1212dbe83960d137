package source

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

// failStores makes every article insert fail, as a full disk does, until
// the returned function is called.
func failStores(t *testing.T, st *store.Store) (heal func()) {
	t.Helper()
	if _, err := st.DB().Exec(`CREATE TRIGGER injected_fault BEFORE INSERT ON articles
		BEGIN SELECT RAISE(ABORT, 'injected fault: database or disk is full'); END`); err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		if _, err := st.DB().Exec("DROP TRIGGER injected_fault"); err != nil {
			t.Fatal(err)
		}
	}
}

func newSource(t *testing.T, c config.Source, st *store.Store) Source {
	t.Helper()
	src, err := New(c, Deps{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// A store fault while polling leaves the items to be read again at the
// next poll, in every kind of source: nothing is marked done before it is
// stored.
func TestSource_StoreFaultReadAgain(t *testing.T) {
	const page = `<html><head><title>Ferry goes electric</title></head><body><article>` +
		`<p>The harbour ferry runs on batteries now, the city said on Monday.</p><p>It carries two hundred people.</p></article></body></html>`
	tests := []struct {
		name  string
		setup func(t *testing.T, st *store.Store) Source
		want  []string
	}{
		{"folder", func(t *testing.T, st *store.Store) Source {
			dir := t.TempDir()
			for _, n := range []string{"a.txt", "b.md"} {
				body := "Library hours " + n + "\n\nThe city library opens until midnight from next month, the council said.\n"
				if err := os.WriteFile(filepath.Join(dir, n), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			return newSource(t, config.Source{Name: "blog", Kind: config.SourceFolder, Path: dir}, st)
		}, []string{"folder:blog:a.txt", "folder:blog:b.md"}},
		{"feed", func(t *testing.T, st *store.Store) Source {
			fs := &feedServer{}
			fs.set(rss(items(2)))
			srv := httptest.NewServer(fs)
			t.Cleanup(srv.Close)
			return newFeed(t, st, srv.URL, 5)
		}, []string{"https://blog.example/post-1", "https://blog.example/post-2"}},
		{"urls", func(t *testing.T, st *store.Store) Source {
			// The page answers 304 to its own ETag, as a real server does.
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("If-None-Match") == `"v1"` {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				w.Header().Set("ETag", `"v1"`)
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte(page))
			}))
			t.Cleanup(srv.Close)
			return newSource(t, config.Source{Name: "blog", Kind: config.SourceURLs, URLs: []string{srv.URL + "/ferry"}, AllowPrivate: true}, st)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			st := openStore(t)
			src := tt.setup(t, st)
			heal := failStores(t, st)
			if _, err := src.Poll(ctx); err == nil {
				t.Fatal("poll during the store fault: no error")
			}
			heal()
			got, err := src.Poll(ctx)
			if err != nil {
				t.Fatal(err)
			}
			ids := articleIDs(t, st, "")
			if len(ids) == 0 || got.New != len(ids) {
				t.Fatalf("after the fault: %+v, stored %q; want every item stored as new", got, ids)
			}
			if tt.want != nil && !slices.Equal(ids, tt.want) {
				t.Errorf("stored %q, want %q", ids, tt.want)
			}
		})
	}
}

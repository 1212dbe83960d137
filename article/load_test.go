package article

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeFile writes data to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html lang="en"><head><title>Bridge reopens</title><meta property="og:image" content="/img/bridge.jpg"></head>
<body><article><p>The old bridge reopened on Monday after a year of repairs, the city said.</p><p>Cyclists get a lane of their own.</p></article></body></html>`)
	})
	mux.HandleFunc("/post.md", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		fmt.Fprint(w, "# Bridge reopens\n\nThe old bridge reopened on Monday.\n")
	})
	mux.HandleFunc("/note.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Bridge reopens\nThe old bridge reopened on Monday.\n")
	})
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n"))
	})
	mux.HandleFunc("/cafe", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte("<html><head><title>Caf\xe9 reopens \x96 with a new menu</title></head><body><p>The caf\xe9 reopened on Monday.</p></body></html>"))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	good := writeFile(t, dir, "good.txt", []byte("Bridge reopens\n\nThe old bridge reopened on Monday.\n"))
	md := writeFile(t, dir, "good.md", []byte("---\ntitle: Bridge reopens\ntags: bridges, cycling\n---\nThe old bridge reopened.\n"))
	html := writeFile(t, dir, "good.html", []byte("<!doctype html><title>Bridge reopens</title><p>The old bridge reopened on Monday.</p>"))
	empty := writeFile(t, dir, "empty.txt", nil)
	blank := writeFile(t, dir, "blank.txt", []byte(" \n\t\n"))
	binary := writeFile(t, dir, "photo.txt", []byte("GIF89a\x00\x01\x02"))
	latin1 := writeFile(t, dir, "notes.txt", []byte("Caf\xe9 owners protest new rules\n"))
	nosentence := writeFile(t, dir, "rule.md", []byte("# Just a heading\n\n---\n\n![photo](a.jpg)\n"))
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // sparse: refused from its size
		t.Fatal(err)
	}
	f.Close()

	tests := []struct {
		name      string
		arg       string
		opts      LoadOptions
		wantErr   error
		wantMsg   string
		wantTitle string
		wantURL   string
		wantImage string
		wantKW    []string
	}{
		{name: "text file", arg: good, wantTitle: "Bridge reopens"},
		{name: "markdown file", arg: md, wantTitle: "Bridge reopens", wantKW: []string{"bridges", "cycling"}},
		{name: "html file", arg: html, wantTitle: "Bridge reopens"},
		{name: "stdin", arg: "-", opts: LoadOptions{Stdin: strings.NewReader("Bridge reopens\nThe old bridge reopened.\n")}, wantTitle: "Bridge reopens"},
		{name: "html URL", arg: srv.URL + "/story", wantTitle: "Bridge reopens", wantURL: srv.URL + "/story", wantImage: srv.URL + "/img/bridge.jpg"},
		{name: "redirected URL keeps the final address", arg: srv.URL + "/moved", wantTitle: "Bridge reopens", wantURL: srv.URL + "/story", wantImage: srv.URL + "/img/bridge.jpg"},
		{name: "charset from the header", arg: srv.URL + "/cafe", wantTitle: "Café reopens – with a new menu", wantURL: srv.URL + "/cafe"},
		{name: "markdown URL", arg: srv.URL + "/post.md", wantTitle: "Bridge reopens", wantURL: srv.URL + "/post.md"},
		{name: "text URL", arg: srv.URL + "/note.txt", wantTitle: "Bridge reopens", wantURL: srv.URL + "/note.txt"},
		{name: "missing file", arg: filepath.Join(dir, "nope.txt"), wantErr: ErrNotFound, wantMsg: "nope.txt: no such file"},
		{name: "directory", arg: dir, wantMsg: "is a directory"},
		{name: "empty file", arg: empty, wantErr: ErrEmpty, wantMsg: "empty.txt: empty input"},
		{name: "blank file", arg: blank, wantErr: ErrEmpty},
		{name: "empty stdin", arg: "-", opts: LoadOptions{Stdin: strings.NewReader("")}, wantErr: ErrEmpty, wantMsg: "-: empty input"},
		{name: "binary", arg: binary, wantErr: ErrBinary, wantMsg: "photo.txt: binary data, not text (NUL byte at offset 6)"},
		{name: "not UTF-8", arg: latin1, wantErr: ErrNotUTF8, wantMsg: "notes.txt: not UTF-8 text (invalid byte at offset 3); save it as UTF-8"},
		{name: "50 MB file", arg: huge, wantErr: ErrTooLarge, wantMsg: "huge.txt: too large (52428800 bytes, cap 10485760)"},
		{name: "over a small cap", arg: good, opts: LoadOptions{MaxBytes: 10}, wantErr: ErrTooLarge},
		{name: "stdin over cap", arg: "-", opts: LoadOptions{MaxBytes: 4, Stdin: strings.NewReader("Bridge reopens")}, wantErr: ErrTooLarge},
		{name: "no sentences", arg: nosentence, wantErr: ErrNoText, wantMsg: "rule.md: no sentences found"},
		{name: "unsupported content", arg: srv.URL + "/photo.png", wantErr: ErrUnsupported, wantMsg: `unsupported content type "image/png"`},
		{name: "unreachable URL", arg: "http://" + closedAddr(t) + "/x", wantErr: ErrUnreachable},
		{name: "private URL refused by default", arg: srv.URL + "/story", opts: LoadOptions{Fetch: FetchOptions{}}, wantErr: ErrForbiddenAddress},
		{name: "other scheme", arg: "gopher://example.com/1", wantErr: ErrScheme},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			if strings.HasPrefix(tt.arg, "http") && tt.name != "private URL refused by default" {
				opts.Fetch.AllowPrivate = true
				opts.Fetch.Timeout = 5 * time.Second
			}
			start := time.Now()
			a, err := Load(context.Background(), tt.arg, opts)
			if tt.wantErr != nil || tt.wantMsg != "" {
				if err == nil {
					t.Fatalf("no error, want %v", tt.wantErr)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("error %q is not %v", err, tt.wantErr)
				}
				msg := err.Error()
				if !strings.HasPrefix(msg, tt.arg+": ") || !strings.Contains(msg, tt.wantMsg) || strings.Contains(msg, "\n") {
					t.Errorf("error %q, want one line naming %s and containing %q", msg, tt.arg, tt.wantMsg)
				}
				if a != nil {
					t.Error("article returned with an error")
				}
				if d := time.Since(start); d > 2*time.Second {
					t.Errorf("took %v", d)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Source != tt.arg {
				t.Errorf("Source %q, want %q", a.Source, tt.arg)
			}
			if a.Title != tt.wantTitle {
				t.Errorf("Title %q, want %q", a.Title, tt.wantTitle)
			}
			if a.URL != tt.wantURL {
				t.Errorf("URL %q, want %q", a.URL, tt.wantURL)
			}
			if a.Image != tt.wantImage {
				t.Errorf("Image %q, want %q", a.Image, tt.wantImage)
			}
			if strings.Join(a.Keywords, "|") != strings.Join(tt.wantKW, "|") {
				t.Errorf("Keywords %q, want %q", a.Keywords, tt.wantKW)
			}
			if len(a.Paragraphs) == 0 || a.Hash == "" || a.ID == "" {
				t.Errorf("article not finished: %+v", a)
			}
			if tt.wantURL != "" && a.ID != CanonicalURL(tt.wantURL) {
				t.Errorf("ID %q, want the canonical URL %q", a.ID, CanonicalURL(tt.wantURL))
			}
		})
	}
}

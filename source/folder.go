package source

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
)

// Extensions are the file name endings a folder source reads; other files
// are ignored.
var Extensions = []string{".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ".txt", ".text"}

// Folder reads the article files in a folder and its subfolders, following
// symlinks that stay inside the folder (see walkFolder). A file is read
// again only when its modification time or size changed, and stored again
// only when its content hash changed.
type Folder struct {
	cfg   config.Source
	deps  Deps
	known map[string]fileSig
	// skipped holds the entries the walk skipped (a link out of the folder,
	// a broken link), each logged once until it is gone.
	skipped map[string]bool
}

type fileSig struct {
	mod  time.Time
	size int64
	sum  [sha256.Size]byte
}

// NewFolder returns the folder source for c.
func NewFolder(c config.Source, deps Deps) *Folder {
	return &Folder{cfg: c, deps: deps, known: map[string]fileSig{}, skipped: map[string]bool{}}
}

// Name returns the configured name.
func (f *Folder) Name() string { return f.cfg.Name }

// Poll reads the new and changed files. A file that cannot be parsed is
// logged once (until it changes) and counted in Failed; a folder that
// cannot be read is an error.
func (f *Folder) Poll(ctx context.Context) (Stats, error) {
	var st Stats
	seen := map[string]bool{}
	err := walkFolder(ctx, f.cfg.Path, func(path string, info fs.FileInfo) error {
		seen[path] = true
		return f.file(ctx, path, info, &st)
	}, func(path string, err error) {
		seen[path] = true
		if f.skipped[path] {
			return // logged once until it is gone
		}
		f.skipped[path] = true
		f.deps.Log.Warn("folder entry skipped", slog.String("path", path), slog.Any("error", err))
	})
	if err != nil {
		return st, fmt.Errorf("source %s: folder %s: %w", f.cfg.Name, f.cfg.Path, err)
	}
	for p := range f.known {
		if !seen[p] {
			delete(f.known, p)
		}
	}
	for p := range f.skipped {
		if !seen[p] {
			delete(f.skipped, p)
		}
	}
	return st, nil
}

func (f *Folder) file(ctx context.Context, path string, info fs.FileInfo, st *Stats) error {
	old, ok := f.known[path]
	if ok && old.mod.Equal(info.ModTime()) && old.size == info.Size() {
		return nil
	}
	max := cmp.Or(f.deps.MaxBytes, article.DefaultMaxBytes)
	if info.Size() > max {
		f.fail(path, fileSig{mod: info.ModTime(), size: info.Size()}, fmt.Errorf("%d bytes is over the %d-byte cap", info.Size(), max), st)
		return nil
	}
	data, err := readCapped(path, max)
	if err != nil {
		f.fail(path, fileSig{mod: info.ModTime(), size: info.Size()}, err, st)
		return nil
	}
	sig := fileSig{mod: info.ModTime(), size: info.Size(), sum: sha256.Sum256(data)}
	if ok && old.sum == sig.sum {
		f.known[path] = sig
		return nil // touched, not changed
	}
	a, err := article.Parse(path, data)
	if err != nil {
		f.fail(path, sig, err, st)
		return nil
	}
	if a.ID == "" {
		a.ID = f.fileID(path)
	}
	if err := storeArticle(ctx, f.deps, f.cfg.Name, a, false, st); err != nil {
		return err // not known: read again at the next poll
	}
	// Known only once stored: after a store fault the file is read again.
	f.known[path] = sig
	return nil
}

// fileID is the ID of a file without a URL: its path below the folder.
func (f *Folder) fileID(path string) string {
	rel, err := filepath.Rel(f.cfg.Path, path)
	if err != nil {
		rel = path // WalkDir's paths start with the root, so this does not happen
	}
	return article.FolderFileID(f.cfg.Name, rel)
}

// FileID returns the ID an article file without a URL gets: when a folder
// source in sources holds it, the ID that source gives it (so a file posted
// by hand is not posted again by the daemon), else ok is false.
func FileID(sources []config.Source, file string) (id string, ok bool) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", false
	}
	for _, c := range sources {
		if c.Kind != config.SourceFolder || c.Path == "" {
			continue
		}
		root, err := filepath.Abs(c.Path)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		return article.FolderFileID(c.Name, rel), true
	}
	return "", false
}

func (f *Folder) fail(path string, sig fileSig, err error, st *Stats) {
	f.known[path] = sig // not again until it changes
	st.Failed++
	f.deps.Log.Warn("article file not read", slog.String("path", path), slog.Any("error", err))
}

func readCapped(path string, max int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("over the %d-byte cap", max)
	}
	return data, nil
}

func hasExt(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

package source

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
)

// configMap lays out dir as Kubernetes mounts a ConfigMap: the files in a
// timestamped folder, "..data" linking to it, and each file a link through
// "..data". swap replaces the content the way the kubelet does: a new
// timestamped folder, then "..data" renamed over atomically.
type configMap struct {
	t   *testing.T
	dir string
	gen int
}

func (c *configMap) swap(files map[string]string) {
	c.t.Helper()
	c.gen++
	ts := filepath.Join(c.dir, "..2025_01_0"+string(rune('0'+c.gen))+"_00_00_00.000")
	must(c.t, os.Mkdir(ts, 0o755))
	mod := time.Date(2025, 1, 1, c.gen, 0, 0, 0, time.UTC)
	for name, body := range files {
		p := filepath.Join(ts, name)
		must(c.t, os.WriteFile(p, []byte(body), 0o644))
		must(c.t, os.Chtimes(p, mod, mod))
		if _, err := os.Lstat(filepath.Join(c.dir, name)); os.IsNotExist(err) {
			must(c.t, os.Symlink(filepath.Join("..data", name), filepath.Join(c.dir, name)))
		}
	}
	tmp := filepath.Join(c.dir, "..data_tmp")
	must(c.t, os.Symlink(filepath.Base(ts), tmp))
	must(c.t, os.Rename(tmp, filepath.Join(c.dir, "..data")))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestFolder_ConfigMapMount(t *testing.T) {
	st := openStore(t)
	base := t.TempDir()
	mount := filepath.Join(base, "mount")
	must(t, os.Mkdir(mount, 0o755))
	cm := &configMap{t: t, dir: mount}
	library := "Library hours\n\nThe city library opens until midnight from next month, the council said.\n"
	cm.swap(map[string]string{"library.txt": library})

	// Outside the mount: an article a link must not reach.
	outside := filepath.Join(base, "outside")
	must(t, os.Mkdir(outside, 0o755))
	must(t, os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("Secret\n\nThis must never be posted, the owner said.\n"), 0o644))
	must(t, os.Symlink(outside, filepath.Join(mount, "escape")))
	must(t, os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(mount, "escape.txt")))
	// A loop: a folder linking back to the mount, and a broken link.
	must(t, os.Symlink("..", filepath.Join(mount, "..data", "up")))
	must(t, os.Symlink(".", filepath.Join(mount, "self")))
	must(t, os.Symlink("nowhere.txt", filepath.Join(mount, "broken.txt")))
	// The source's path is itself a symlink to the mount.
	root := filepath.Join(base, "articles")
	must(t, os.Symlink(mount, root))

	var logs bytes.Buffer
	src, err := New(config.Source{Name: "cm", Kind: "folder", Path: root}, Deps{Store: st, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	must(t, err)
	ctx := context.Background()
	poll := func(want Stats) {
		t.Helper()
		got, err := src.Poll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("stats %+v, want %+v", got, want)
		}
	}
	poll(Stats{New: 1})
	const id = "folder:cm:library.txt"
	if _, err := st.Article(ctx, id); err != nil {
		t.Fatalf("article %s: %v", id, err)
	}
	for _, name := range []string{"escape", "escape.txt", "broken.txt"} {
		if !strings.Contains(logs.String(), filepath.Join(root, name)) {
			t.Errorf("log does not name the skipped %s:\n%s", name, logs.String())
		}
	}
	logged := logs.Len()
	poll(Stats{})
	if logs.Len() != logged {
		t.Errorf("skipped entries logged again at the second poll:\n%s", logs.String()[logged:])
	}

	cm.swap(map[string]string{"library.txt": library + "\nThe reading room stays closed on Sundays.\n"})
	poll(Stats{Changed: 1})
	a, err := st.Article(ctx, id)
	if err != nil || !strings.Contains(strings.Join(a.Paragraphs, "\n"), "Sundays") {
		t.Fatalf("after the swap, article %s: %+v, %v; want the new content under the same id", id, a, err)
	}
	for _, bad := range []string{"folder:cm:escape/secret.txt", "folder:cm:escape.txt"} {
		if _, err := st.Article(ctx, bad); err == nil {
			t.Errorf("%s was read through a link out of the folder", bad)
		}
	}
}

// TestWalkFolder_secondName checks that a folder reached by two names (a
// folder and a symlink to it, in either order) is read once: the same file
// read twice would become two articles.
func TestWalkFolder_secondName(t *testing.T) {
	for _, link := range []string{"b", "0"} { // after and before "a"
		root := t.TempDir()
		must(t, os.MkdirAll(filepath.Join(root, "a"), 0o755))
		must(t, os.WriteFile(filepath.Join(root, "a", "x.txt"), []byte("A title\n\nSome text."), 0o644))
		must(t, os.Symlink("a", filepath.Join(root, link)))
		var read []string
		err := walkFolder(context.Background(), root, func(p string, _ os.FileInfo) error {
			read = append(read, p)
			return nil
		}, func(string, error) {})
		if err != nil || len(read) != 1 {
			t.Errorf("link %q: read %v, %v; want x.txt once", link, read, err)
		}
	}
}

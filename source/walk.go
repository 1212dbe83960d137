package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// walkFolder calls fn for every article file below root, named by its path
// through root as configured, with the FileInfo of what the name leads to.
//
// Symlinks are followed, to files and to folders, as long as they lead to
// somewhere inside root's real folder: a Kubernetes ConfigMap or secret
// mount (files linked through "..data" to a timestamped folder) and a root
// that is itself a symlink are read, and each file keeps the name it has
// through root, so its id survives the mount's atomic swap. A link out of
// root and a broken link are reported to skip and not read; a folder
// already walked (a loop, or a second name for it) is read once, under the
// first name met. Names starting with "." are skipped, as "..data" and the
// timestamped folders are.
func walkFolder(ctx context.Context, root string, fn func(path string, info fs.FileInfo) error, skip func(path string, err error)) error {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	if real, err = filepath.Abs(real); err != nil {
		return err
	}
	fi, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("not a folder; point path: at a folder of article files")
	}
	w := &walker{ctx: ctx, root: real, fn: fn, skip: skip, walked: map[string]bool{real: true}}
	return w.dir(root, real, true)
}

type walker struct {
	ctx    context.Context
	root   string // real, absolute
	fn     func(string, fs.FileInfo) error
	skip   func(string, error)
	walked map[string]bool // real folders walked, against loops
}

var errOutside = errors.New("symlink leads out of the source's folder; not followed")

// dir walks the folder named path (whose real path is real), unless it was
// walked already under another name.
func (w *walker) dir(path, real string, top bool) error {
	if !top {
		if w.walked[real] {
			return nil // a loop, or a folder already read by another name
		}
		w.walked[real] = true
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		if top {
			return err
		}
		w.skip(path, err)
		return nil
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(path, e.Name())
		if e.Type()&fs.ModeSymlink == 0 {
			if e.IsDir() {
				if err := w.dir(p, filepath.Join(real, e.Name()), false); err != nil {
					return err
				}
				continue
			}
			if e.Type().IsRegular() && hasExt(e.Name()) {
				info, err := e.Info()
				if err != nil {
					continue // removed while walking
				}
				if err := w.fn(p, info); err != nil {
					return err
				}
			}
			continue
		}
		if err := w.link(p); err != nil {
			return err
		}
	}
	return nil
}

// link follows the symlink p when it stays inside the root.
func (w *walker) link(p string) error {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		w.skip(p, fmt.Errorf("broken symlink: %w", err))
		return nil
	}
	if rel, err := filepath.Rel(w.root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		w.skip(p, errOutside)
		return nil
	}
	info, err := os.Stat(target)
	if err != nil {
		w.skip(p, err)
		return nil
	}
	switch {
	case info.IsDir():
		return w.dir(p, target, false)
	case info.Mode().IsRegular() && hasExt(filepath.Base(p)):
		return w.fn(p, info)
	}
	return nil
}

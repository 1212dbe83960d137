package config

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is how long Watch waits after the last change to the file
// before reloading it, so an editor's burst of writes is read once.
const DefaultDebounce = 500 * time.Millisecond

// Watcher reloads a config file when it changes. It watches the file's
// folder, not the file, because editors and config managers replace files
// by renaming a new one over them.
type Watcher struct {
	// Path is the config file.
	Path string
	// Env holds KEY=VALUE lines for ${VAR} and HOOKLINE_ overrides; nil
	// reads os.Environ at each reload.
	Env []string
	// Debounce is the quiet time after the last change before a reload.
	// Defaults to DefaultDebounce (500ms).
	Debounce time.Duration
	// Check validates each account's kind-specific keys, as Load's check.
	Check AccountCheck
	// OnChange gets each new config that loads and validates, with its warnings.
	OnChange func(*Config, []Warning)
	// OnError gets the problems of each edit that does not load; they name
	// the file and keys.
	OnError func(error)
	// Ready, if set, is called once the folder is being watched: edits
	// after it are seen.
	Ready func()
}

// Run watches until ctx is done. Edits that leave the file's bytes as they
// were do not call OnChange again.
func (w *Watcher) Run(ctx context.Context) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("config: watch %s: %w", w.Path, err)
	}
	defer fw.Close()
	path := filepath.Clean(w.Path)
	if err := fw.Add(filepath.Dir(path)); err != nil {
		return fmt.Errorf("config: watch %s: %w", w.Path, err)
	}
	last, _ := readFile(path)
	var emptied bool
	if w.Ready != nil {
		w.Ready()
	}
	debounce := w.Debounce
	if debounce <= 0 {
		debounce = DefaultDebounce
	}
	timer := time.NewTimer(debounce)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if w.relevant(path, ev) {
				timer.Reset(debounce)
			}
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			w.fail(fmt.Errorf("config: watch %s: %w", w.Path, err))
		case <-timer.C:
			last, emptied = w.reload(path, last, emptied)
			if emptied {
				timer.Reset(debounce) // look again once it has been written
			}
		}
	}
}

// relevant keeps events on the file itself and, when the path is a symlink
// (as in a Kubernetes ConfigMap), every event in its folder, since the
// target changes by swapping a link elsewhere in it.
func (w *Watcher) relevant(path string, ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	if filepath.Clean(ev.Name) == path {
		return true
	}
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode()&os.ModeSymlink != 0
}

// reload loads the file unless its bytes equal last, and returns the bytes
// it read. An empty file is most likely caught between an editor's truncate
// and write: the first time (emptied false), reload reports nowEmptied to
// have the caller look again after another debounce instead of failing;
// the second time, Parse refuses it as it refuses any empty config.
func (w *Watcher) reload(path string, last []byte, emptied bool) (read []byte, nowEmptied bool) {
	data, err := readFile(path)
	if err != nil {
		w.fail(err)
		return nil, false
	}
	if last != nil && bytes.Equal(data, last) {
		return last, false
	}
	if len(bytes.TrimSpace(data)) == 0 && !emptied {
		return last, true // still empty after this, Parse refuses it
	}
	env := w.Env
	if env == nil {
		env = os.Environ()
	}
	c, warns, err := Parse(w.Path, data, env, w.Check)
	if err != nil {
		w.fail(err)
		return data, false
	}
	warns = append(warns, checkPermissions(path, data)...)
	if w.OnChange != nil {
		w.OnChange(c, warns)
	}
	return data, false
}

func (w *Watcher) fail(err error) {
	if w.OnError != nil {
		w.OnError(err)
	}
}

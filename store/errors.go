package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"

	"modernc.org/sqlite"
)

// Sentinel errors callers branch on with errors.Is.
var (
	// ErrLocked means another daemon holds the state file's lock.
	ErrLocked = errors.New("locked by another hookline run")
	// ErrDiskFull means the disk holding the state file has no space left.
	ErrDiskFull = errors.New("disk full")
	// ErrReadOnly means the state file or its folder cannot be written.
	ErrReadOnly = errors.New("not writable")
	// ErrNotFound means the article, post or row asked for is not stored.
	ErrNotFound = errors.New("not found")
	// ErrCorrupt means the file is not a Hookline state database.
	ErrCorrupt = errors.New("not a valid state file")
	// ErrEmpty means an existing state file has no bytes: its history was
	// lost (truncated, or a copy that failed). Open refuses it unless
	// Options.Init says to start afresh.
	ErrEmpty = errors.New("state file is empty")
	// ErrGone means the state file was deleted or replaced under the
	// running process (see CheckFile).
	ErrGone = errors.New("state file deleted or replaced while hookline ran")
)

// SQLite result codes (primary codes; extended codes keep them in the low byte).
const (
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// classify turns low-level failures into one-line errors that name the state
// file, say what went wrong and what to do. Other errors are wrapped as is.
func classify(path, what string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, ErrDiskFull) || errors.Is(err, ErrReadOnly) || errors.Is(err, ErrNotFound) ||
		errors.Is(err, ErrCorrupt) || errors.Is(err, ErrLocked) || errors.Is(err, ErrEmpty) || errors.Is(err, ErrGone) {
		return err // already classified
	}
	code := -1
	var se *sqlite.Error
	if errors.As(err, &se) {
		code = se.Code() & 0xff
	}
	switch {
	case code == sqliteFull || errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG):
		return fmt.Errorf("state %s: %w: %s: %w; free space and restart", path, ErrDiskFull, what, err)
	case code == sqliteReadOnly || errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM):
		return fmt.Errorf("state %s: %w: %s: %w; make the file and its folder writable by this user, or change state: in config.yaml", path, ErrReadOnly, what, err)
	case code == sqliteCantOpen && unix.Access(filepath.Dir(path), unix.W_OK) != nil:
		return fmt.Errorf("state %s: %w: %s: %w (folder %s is read-only); make the folder writable by this user, or change state: in config.yaml", path, ErrReadOnly, what, err, filepath.Dir(path))
	case code == sqliteCantOpen:
		return fmt.Errorf("state %s: cannot open: %s: %w; check that the folder exists and is writable", path, what, err)
	case code == sqliteCorrupt || code == sqliteNotADB:
		return fmt.Errorf("state %s: %w: %s: %w; restore it from a backup or move it away to start afresh", path, ErrCorrupt, what, err)
	case code == sqliteIOErr:
		return fmt.Errorf("state %s: i/o error: %s: %w; check the disk", path, what, err)
	}
	return fmt.Errorf("state %s: %s: %w", path, what, err)
}

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// LockDaemon takes an exclusive lock on "<state>.lock" so that only one
// `hookline run` uses the state file at a time, and writes this process's id
// into it. A second daemon gets an error wrapping ErrLocked that names the
// holder's PID. The kernel drops the lock when the process dies, so a crash
// never leaves a stale lock behind. release unlocks and closes the file.
//
// The lock file sits next to the state file's real path (symlinks resolved,
// made absolute), so every way of naming the file — a symlink to it or to
// its folder, another relative path, the same volume mounted elsewhere —
// takes the one lock. Two hard links with different names are not caught.
func (s *Store) LockDaemon() (release func() error, err error) {
	real, err := realPath(s.path)
	if err != nil {
		return nil, classify(s.path, "resolve", err)
	}
	return lockFile(real + ".lock")
}

// realPath is path made absolute with every symlink resolved.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

func lockFile(name string) (func() error, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, classify(name, "open lock file", err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		defer f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("state %s: %w (pid %s holds %s); stop it first or point state: at another file",
				strings.TrimSuffix(name, ".lock"), ErrLocked, lockPID(name), name)
		}
		return nil, classify(name, "lock", err)
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, classify(name, "write lock file", err)
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
		f.Close()
		return nil, classify(name, "write lock file", err)
	}
	released := false
	return func() error {
		if released {
			return nil
		}
		released = true
		_ = f.Truncate(0)
		if err := unix.Flock(int(f.Fd()), unix.LOCK_UN); err != nil {
			f.Close()
			return fmt.Errorf("state: unlock %s: %w", name, err)
		}
		return f.Close()
	}, nil
}

// lockPID is the process id the daemon holding the lock file name wrote
// into it, or "unknown".
func lockPID(name string) string {
	if b, err := os.ReadFile(name); err == nil && strings.TrimSpace(string(b)) != "" {
		return strings.TrimSpace(string(b))
	}
	return "unknown"
}

// daemonPID is the process id of the daemon holding the state file's lock
// (LockDaemon), or "" when none does. It only looks: no lock is taken but
// for an instant, and no file is created.
func (s *Store) daemonPID() (string, error) {
	real, err := realPath(s.path)
	if err != nil {
		return "", classify(s.path, "resolve", err)
	}
	name := real + ".lock"
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", classify(name, "open lock file", err)
	}
	defer f.Close() // drops the shared lock taken below
	if err := unix.Flock(int(f.Fd()), unix.LOCK_SH|unix.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return lockPID(name), nil
		}
		return "", classify(name, "lock", err)
	}
	return "", nil
}

// processAlive reports whether a process with this id exists.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

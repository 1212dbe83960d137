package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// fileID is a file's identity: the device and inode it lives on.
type fileID struct{ dev, ino uint64 }

func fileIdentity(path string) (fileID, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileID{}, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, nil // no inodes here: CheckFile sees only deletion
	}
	return fileID{dev: uint64(st.Dev), ino: st.Ino}, nil
}

// CheckFile reports, wrapping ErrGone, when the state file's path no longer
// leads to the file Open opened: it was deleted (SQLite keeps writing into
// the deleted file, and the history vanishes when the process exits) or
// replaced by another file. The daemon calls it before each fire and stops
// on an error, after saving what it still holds with Rescue.
func (s *Store) CheckFile() error {
	id, err := fileIdentity(s.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("state %s: %w (the file is gone)", s.path, ErrGone)
	case err != nil:
		return classify(s.path, "stat", err)
	case id != s.id:
		return fmt.Errorf("state %s: %w (another file is at its path now)", s.path, ErrGone)
	}
	return nil
}

// Rescue writes a copy of the open database, history included, next to the
// state file's path ("<state>.rescued-<unix time>") and returns its name:
// after CheckFile failed, this is the only copy left.
func (s *Store) Rescue(ctx context.Context) (string, error) {
	name := fmt.Sprintf("%s.rescued-%d", s.path, time.Now().Unix())
	// Created empty first, so the copy is never readable by others.
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", classify(name, "rescue", err)
	}
	if err := f.Close(); err != nil {
		return "", classify(name, "rescue", err)
	}
	release, err := s.write(ctx)
	if err != nil {
		return "", err
	}
	defer release()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		return "", classify(name, "rescue", err)
	}
	return name, nil
}

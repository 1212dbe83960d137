package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
)

// errOldSchema is openReadOnly's answer for a file that needs migrating, or
// a learned table or column added (see learned.go).
var errOldSchema = errors.New("schema older than this build")

// openReadOnly opens an existing state file for reading: nothing is
// created, written or migrated, so it works in a read-only folder. While a
// process has the file open its -wal file exists (SQLite removes it at the
// last close), and SQLite's mode=ro reads through it and the shared index
// beside it. With no -wal file nobody has the file open, the main file is
// the whole state, and it is read as immutable, which needs neither -wal
// nor -shm (SQLite would otherwise create them, and cannot in a read-only
// folder).
func openReadOnly(ctx context.Context, path string, log *slog.Logger) (*Store, error) {
	fi, err := statState(path, false, true)
	if err != nil {
		return nil, err
	}
	mode := "immutable=1"
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		mode = "mode=ro"
	}
	s, err := openReadOnlyDSN(ctx, path, mode)
	if err != nil {
		return nil, err
	}
	if s.Warning = modeWarning(path, fi); s.Warning != "" {
		warnMode(log, path, fi.Mode().Perm())
	}
	return s, nil
}

func openReadOnlyDSN(ctx context.Context, path, mode string) (*Store, error) {
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(BusyTimeout.Milliseconds()))
	q.Set("_query_only", "1")
	db, err := sql.Open("sqlite", "file:"+path+"?"+mode+"&"+q.Encode())
	if err != nil {
		return nil, classify(path, "open", err)
	}
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		db.Close()
		return nil, classify(path, "open read-only", err)
	}
	switch {
	case v > SchemaVersion:
		db.Close()
		return nil, fmt.Errorf("state %s: schema version %d is newer than this hookline understands (%d); upgrade hookline", path, v, SchemaVersion)
	case v < SchemaVersion:
		db.Close()
		return nil, errOldSchema
	}
	if ok, err := hasLearned(ctx, db); err != nil || !ok {
		db.Close()
		if err != nil {
			return nil, classify(path, "open read-only", err)
		}
		return nil, errOldSchema
	}
	id, err := fileIdentity(path)
	if err != nil {
		db.Close()
		return nil, classify(path, "stat", err)
	}
	return newStore(db, path, id), nil
}

// Package store keeps Hookline's state in one SQLite file: the articles seen,
// every post (article × account) with its delivery state, feed validators,
// schedule runs and rotated tokens. It uses modernc.org/sqlite (pure Go), WAL
// mode and versioned migrations.
//
// What it keeps as JSON has a format of its own (rows.go), migrated when it
// changes. It keeps a post as its own Post, not the publisher's: the store
// knows nothing of networks, and the deliver package, which joins the two,
// converts between them.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is an open state file. It is safe for concurrent use by many
// goroutines; several processes may share one file (SQLite locking), though
// only one daemon at a time (see LockDaemon).
type Store struct {
	db    *sql.DB
	path  string
	id    fileID // the file Open opened, for CheckFile
	owner string // "pid:random", marks the posting rows this Store claimed
	// inflight holds the article, account and share of the rows this Store claimed and
	// has not yet recorded an outcome for; an own posting row not in it is
	// left over (its outcome failed to commit) and may be reconciled.
	mu       sync.Mutex
	inflight map[flight]bool
	// renamed maps a name AdoptIdentities moved away from, which the config
	// no longer has, to the account's new name (see current).
	renamed map[string]string
	// writing admits one of this process's writers at a time. SQLite's busy
	// handler polls with growing sleeps rather than queueing, so many
	// goroutines contending for the write lock can starve one past
	// BusyTimeout; queueing them here first leaves the busy timeout for
	// other processes (hookline post beside the daemon).
	writing chan struct{}
	// alive reports whether a process id is running; replaced in tests.
	alive func(pid int) bool
	// Lease is how long a claim lives past its last renewal (see lease.go).
	// Defaults to DefaultLease.
	Lease      time.Duration
	leaseMu    sync.Mutex
	holders    int           // HoldLeases callers not yet released
	stopLeases chan struct{} // closed to stop the renewing goroutine
	leasesDone chan struct{} // closed when it has stopped
	// Now is the clock for first_seen and updated_at stamps. Defaults to
	// time.Now; tests replace it.
	Now func() time.Time
	// Warning is set by Open when the existing file is readable by the group
	// or others; it has already been logged.
	Warning string
}

// BusyTimeout is how long a statement waits for another connection's write
// lock before failing with "database is locked".
const BusyTimeout = 10 * time.Second

// Options tune Open. The zero value is the default.
type Options struct {
	// Log receives warnings (a state file readable by others). Defaults to
	// slog.Default().
	Log *slog.Logger
	// Init lets Open take an existing zero-length file as a new state file.
	// Without it such a file is refused (ErrEmpty): an empty file where a
	// state file should be means its history was lost, and starting afresh
	// would post everything again.
	Init bool
	// ReadOnly opens an existing state file for reading only, for commands
	// that never write (history): it works in a read-only folder and
	// creates nothing. A file of an older schema is opened for writing
	// instead, to be migrated. See openReadOnly.
	ReadOnly bool
}

// Open opens (creating it with mode 0600 when missing) the state file at path
// and brings its schema up to date. Errors name the path and what to do.
//
// The file runs in WAL mode with synchronous=FULL: every commit is on disk
// before Commit returns. A post recorded as posted (or as posting, before the
// request goes out) that vanished after a power cut would be sent again, and
// on X there is no idempotency key to catch that, so one fsync per commit — a
// few per schedule fire — is the price worth paying.
func Open(ctx context.Context, path string, opts ...Options) (*Store, error) {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if path == "" {
		return nil, fmt.Errorf("state: no path given; set state: in config.yaml")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("state %s: path must not contain '?' or '#'; rename the file", path)
	}
	if o.ReadOnly {
		s, err := openReadOnly(ctx, path, o.Log)
		if errors.Is(err, errOldSchema) {
			o.ReadOnly = false
			return Open(ctx, path, o)
		}
		return s, err
	}
	mode, warning, err := prepareFile(path, o.Init)
	if err != nil {
		return nil, err
	}
	if warning != "" {
		warnMode(o.Log, path, mode)
	}
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(BusyTimeout.Milliseconds()))
	q.Set("_foreign_keys", "1")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, classify(path, "open", err)
	}
	id, err := fileIdentity(path)
	if err != nil {
		db.Close()
		return nil, classify(path, "stat", err)
	}
	s := newStore(db, path, id)
	s.Warning = warning
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, classify(path, "open", err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.createLearnedTables(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func newStore(db *sql.DB, path string, id fileID) *Store {
	return &Store{db: db, path: path, id: id, owner: newOwner(), inflight: map[flight]bool{}, renamed: map[string]string{}, writing: make(chan struct{}, 1),
		alive: processAlive, Lease: DefaultLease, Now: time.Now}
}

// prepareFile creates the state file with mode 0600 when it is missing and
// returns a warning when an existing one is readable by group or others. An
// existing zero-length file is refused unless init is set.
func prepareFile(path string, init bool) (mode os.FileMode, warning string, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		if err := f.Close(); err != nil {
			return 0, "", classify(path, "create", err)
		}
		return 0o600, "", nil
	}
	if !errors.Is(err, os.ErrExist) {
		if errors.Is(err, os.ErrNotExist) {
			return 0, "", fmt.Errorf("state %s: folder %s does not exist; create it or change state: in config.yaml", path, filepath.Dir(path))
		}
		return 0, "", classify(path, "create", err)
	}
	fi, err := statState(path, init, false)
	if err != nil {
		return 0, "", err
	}
	return fi.Mode().Perm(), modeWarning(path, fi), nil
}

// statState checks an existing state file: a regular file, not empty
// unless init starts afresh. readOnly is for the commands that only read
// it, which neither create it nor start it afresh.
func statState(path string, init, readOnly bool) (os.FileInfo, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && readOnly:
		return nil, fmt.Errorf("state %s: %w: no state file; run hookline run or hookline post to create it, or change state: in config.yaml", path, ErrNotFound)
	case err != nil:
		return nil, classify(path, "stat", err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("state %s: not a regular file; point state: at a file", path)
	case fi.Size() == 0 && !init:
		advice := "restore it from a backup"
		if !readOnly {
			advice += ", or run hookline run --init to start afresh (everything not recorded may be posted again)"
		}
		return nil, fmt.Errorf("state %s: %w (0 bytes): its history is lost; %s", path, ErrEmpty, advice)
	}
	return fi, nil
}

// modeWarning is the warning for a state file others can read, else "".
func modeWarning(path string, fi os.FileInfo) string {
	if fi.Mode().Perm()&0o077 == 0 {
		return ""
	}
	return fmt.Sprintf("state %s: mode %04o lets other users read tokens and history; run chmod 600 %s", path, fi.Mode().Perm(), path)
}

// warnMode logs what modeWarning found.
func warnMode(log *slog.Logger, path string, mode os.FileMode) {
	log.Warn("state file readable by other users; it holds tokens and history", slog.String("path", path),
		slog.String("mode", fmt.Sprintf("%04o", mode)), slog.String("fix", "chmod 600 "+path))
}

// Path returns the state file's path as given to Open.
func (s *Store) Path() string { return s.path }

// Close closes the file. SQLite checkpoints and removes the WAL when the
// last connection to the file closes.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return classify(s.path, "close", err)
	}
	return nil
}

// DB exposes the underlying handle for read-only inspection in tests and
// tools; callers must not change the schema.
func (s *Store) DB() *sql.DB { return s.db }

// tx runs fn in one immediate transaction, so nothing is half-written.
func (s *Store) tx(ctx context.Context, what string, fn func(*sql.Tx) error) error {
	release, err := s.write(ctx)
	if err != nil {
		return classify(s.path, what, err)
	}
	defer release()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(s.path, what, err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return classify(s.path, what, err)
	}
	if err := tx.Commit(); err != nil {
		_ = tx.Rollback()
		return classify(s.path, what, err)
	}
	return nil
}

// write waits for this process's turn to write; call release when done.
func (s *Store) write(ctx context.Context) (release func(), err error) {
	select {
	case s.writing <- struct{}{}:
		return func() { <-s.writing }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// exec runs one writing statement in this process's turn.
func (s *Store) exec(ctx context.Context, query string, args ...any) error {
	release, err := s.write(ctx)
	if err != nil {
		return err
	}
	defer release()
	_, err = s.db.ExecContext(ctx, query, args...)
	return err
}

// nanos and fromNanos store times as Unix nanoseconds (UTC); NULL is zero.
func nanos(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func fromNanos(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}

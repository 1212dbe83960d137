package config

import (
	"errors"
	"strings"
)

// ErrInvalid is wrapped by every problem with a config's content (syntax,
// types, values), so callers can tell a bad config from a missing file with
// errors.Is(err, config.ErrInvalid).
var ErrInvalid = errors.New("invalid config")

// ErrEmptyFile is wrapped by the problem of a config file with no key at
// all (nothing, or only comments): it has no account and no schedule.
var ErrEmptyFile = errors.New("config file is empty")

// emptyWhat says what an empty file lacks, in both wordings of the problem.
const emptyWhat = "the file is empty (no sources:, networks: or schedules:)"

var (
	// errEmpty is the problem at load: the advice is for a command or a
	// daemon starting.
	errEmpty = &emptyError{emptyWhat + ", so nothing would be posted; write them into it, or remove the file to use the embedded default"}
	// errEmptyReload is the problem at a running daemon's reload, which
	// keeps its config (removing the file would not bring the embedded
	// default in).
	errEmptyReload = &emptyError{emptyWhat + "; the running config stays: restore the file's content (it is reloaded when saved, or on SIGHUP)"}
)

// emptyError is an empty file's problem: an ErrInvalid and an ErrEmptyFile.
type emptyError struct{ msg string }

func (e *emptyError) Error() string   { return e.msg }
func (e *emptyError) Unwrap() []error { return []error{ErrInvalid, ErrEmptyFile} }

// ForReload words err, from Load, for a running daemon reloading its
// config: an empty file's advice becomes to restore its content, as the
// running config stays. Other errors are returned as they are.
func ForReload(err error) error {
	var ce *Error
	if !errors.Is(err, ErrEmptyFile) || !errors.As(err, &ce) {
		return err
	}
	return &Error{File: ce.File, Problems: []error{errEmptyReload}}
}

// FieldError is one problem, named by the key as written in config.yaml
// ("schedules[1].cron") or by the line for a syntax error ("line 3").
type FieldError struct {
	Key string
	Msg string
}

// Error formats "key: problem".
func (e *FieldError) Error() string {
	if e.Key == "" {
		return e.Msg
	}
	return e.Key + ": " + e.Msg
}

// Unwrap makes every FieldError an ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Error is every problem Load found in one file. It prints one problem a
// line, each prefixed by the file, and unwraps to the problems (each an
// ErrInvalid, most a *FieldError).
type Error struct {
	// File is the path, or "(embedded)" for the built-in default.
	File     string
	Problems []error
}

// Error prints "file: key: problem" lines.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.File)
		b.WriteString(": ")
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap gives the problems to errors.Is and errors.As.
func (e *Error) Unwrap() []error { return e.Problems }

// Warning is something worth fixing that does not stop the config from
// loading: an unknown key, an environment variable that matches nothing, a
// file others can read.
type Warning struct {
	Key string
	Msg string
}

// String formats "key: message".
func (w Warning) String() string {
	if w.Key == "" {
		return w.Msg
	}
	return w.Key + ": " + w.Msg
}

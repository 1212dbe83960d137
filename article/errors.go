package article

import (
	"errors"
	"fmt"
)

// Sentinel errors returned (wrapped, with the input's name and details) by
// Parse, ParseHTML, Load and Fetch. Callers branch on them with errors.Is.
var (
	// ErrNotFound means the named file does not exist.
	ErrNotFound = errors.New("no such file")
	// ErrEmpty means the input holds nothing but white space.
	ErrEmpty = errors.New("empty input")
	// ErrBinary means the input holds NUL bytes, so it is not text.
	ErrBinary = errors.New("binary data, not text")
	// ErrNotUTF8 means plain text or Markdown is not valid UTF-8.
	ErrNotUTF8 = errors.New("not UTF-8 text")
	// ErrTooLarge means the input is over the size cap.
	ErrTooLarge = errors.New("too large")
	// ErrNoText means the input parsed but holds no sentence to tease.
	ErrNoText = errors.New("no sentences found")
	// ErrFrontMatter means the Markdown front matter is not valid YAML or
	// holds a value of the wrong type.
	ErrFrontMatter = errors.New("front matter")
	// ErrScheme means a URL (or a redirect target) is not http or https.
	ErrScheme = errors.New("unsupported URL scheme")
	// ErrForbiddenAddress means a URL resolves to a loopback, private,
	// link-local or metadata address and FetchOptions.AllowPrivate is false.
	ErrForbiddenAddress = errors.New("address not allowed")
	// ErrTooManyRedirects means a fetch was redirected more than
	// FetchOptions.MaxRedirects times.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrUnreachable means the host could not be resolved or connected to.
	ErrUnreachable = errors.New("cannot reach host")
	// ErrTimeout means a fetch did not finish within its timeout.
	ErrTimeout = errors.New("timed out")
	// ErrUnsupported means a fetched document's content type is not text,
	// Markdown or HTML.
	ErrUnsupported = errors.New("unsupported content type")
)

// StatusError is returned by Fetch when the server answers with a status
// other than 2xx or 304.
type StatusError struct {
	// Code is the HTTP status code, such as 404.
	Code int
	// Status is the status line text, such as "404 Not Found".
	Status string
}

// Error returns "server answered 404 Not Found".
func (e *StatusError) Error() string { return fmt.Sprintf("server answered %s", e.Status) }

// inputError names the input (and line, when known) in front of the cause,
// giving one-line messages such as "notes.md:3: front matter: ...".
type inputError struct {
	name string
	line int
	err  error
}

func (e *inputError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.name, e.line, e.err)
	}
	return fmt.Sprintf("%s: %v", e.name, e.err)
}

func (e *inputError) Unwrap() error { return e.err }

// wrapInput names the input in err unless err already names an input.
func wrapInput(name string, err error) error {
	if err == nil {
		return nil
	}
	if name == "" {
		name = "article"
	}
	var ie *inputError
	if errors.As(err, &ie) {
		if ie.name == "" {
			ie.name = name
		}
		return err
	}
	return &inputError{name: name, err: err}
}

package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// LoadOptions tune Load.
type LoadOptions struct {
	// MaxBytes caps a file or stdin. Defaults to 10 MB; a larger file is
	// refused from its size, without reading it.
	MaxBytes int64
	// Fetch tunes URL fetches; its MaxBytes defaults to MaxBytes.
	Fetch FetchOptions
	// Client fetches URLs. Nil means NewClient(Fetch).
	Client *http.Client
	// Stdin is read for the argument "-". Defaults to os.Stdin.
	Stdin io.Reader
}

// Load reads an article from arg: a file path, an http(s) URL, or "-" for
// standard input. Source is arg. Errors are one line naming arg and the
// cause, wrapping the package's sentinel errors.
func Load(ctx context.Context, arg string, opts LoadOptions) (*Article, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Fetch.MaxBytes <= 0 {
		opts.Fetch.MaxBytes = opts.MaxBytes
	}
	var (
		a   *Article
		err error
	)
	switch {
	case arg == "":
		err = errors.New("no file or URL given")
	case arg == "-":
		in := opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		a, err = loadReader(arg, in, opts.MaxBytes)
	case isURL(arg):
		a, err = loadURL(ctx, arg, opts)
	default:
		a, err = loadFile(arg, opts.MaxBytes)
	}
	if err != nil {
		return nil, wrapInput(arg, err)
	}
	a.Source = arg
	if a.ID == "" {
		a.ID = localID(arg, a.Hash)
	}
	return a, nil
}

// localID is the ID of an article without a URL loaded from arg: a file's
// absolute path, or standard input's content hash. A caller that knows
// better (a folder source holds the file) replaces it.
func localID(arg, hash string) string {
	if arg == "-" {
		return stdinID(hash)
	}
	abs, err := filepath.Abs(arg)
	if err != nil {
		abs = filepath.Clean(arg)
	}
	return localFileID(abs)
}

// isURL reports whether arg looks like a URL rather than a path: a scheme
// of letters followed by "://".
func isURL(arg string) bool {
	i := strings.Index(arg, "://")
	if i <= 0 {
		return false
	}
	for _, c := range arg[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func loadFile(name string, max int64) (*Article, error) {
	f, err := os.Open(name)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, ErrNotFound
		case errors.Is(err, fs.ErrPermission):
			return nil, fmt.Errorf("permission denied")
		}
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("is a directory, not an article file")
	}
	if st.Mode().IsRegular() {
		if st.Size() > max {
			return nil, fmt.Errorf("%w (%d bytes, cap %d)", ErrTooLarge, st.Size(), max)
		}
		if st.Size() == 0 {
			return nil, ErrEmpty
		}
	}
	return loadReaderSized(name, f, max, st.Size())
}

// loadReader reads at most max bytes from r and parses them.
func loadReader(name string, r io.Reader, max int64) (*Article, error) {
	return loadReaderSized(name, r, max, 0)
}

// loadReaderSized is loadReader for a reader of about size bytes: the
// buffer is made that size at once, where io.ReadAll's doublings would
// take twice the file's size.
func loadReaderSized(name string, r io.Reader, max, size int64) (*Article, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(max, size)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, max)
	}
	return Parse(name, data)
}

func loadURL(ctx context.Context, arg string, opts LoadOptions) (*Article, error) {
	page, err := fetch(ctx, opts.Client, arg, opts.Fetch)
	if err != nil {
		return nil, err
	}
	var format Format
	switch page.ContentType {
	case "text/html", "application/xhtml+xml":
		format = HTML
	case "text/markdown", "text/x-markdown":
		format = Markdown
	case "text/plain", "", "application/octet-stream":
		format = Sniff(path.Base(page.URL.Path), page.Body)
	default:
		return nil, fmt.Errorf("%w %q; want HTML, Markdown or plain text", ErrUnsupported, page.ContentType)
	}
	a, err := parseAs(arg, format, page.Body, page.URL)
	if err != nil {
		return nil, err
	}
	if a.URL == "" {
		a.URL = page.URL.String()
		a.Finish()
	}
	return a, nil
}

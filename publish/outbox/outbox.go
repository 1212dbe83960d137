// Package outbox publishes posts as JSON lines appended to a local file, or
// written to standard output. It needs no account and no network, so it is
// where Hookline's posts go when you only want to see them, and what the
// README's main command uses.
package outbox

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/hookline/hookline/publish"
)

// Line is one post as the outbox writes it: one JSON object per line.
type Line struct {
	// ID is the receipt's id, derived from the idempotency key.
	ID             string    `json:"id"`
	Account        string    `json:"account"`
	ArticleID      string    `json:"article_id"`
	Text           string    `json:"text"`
	Link           string    `json:"link,omitempty"`
	Hashtags       []string  `json:"hashtags,omitempty"`
	IdempotencyKey string    `json:"idempotency_key,omitempty"`
	Time           time.Time `json:"time"`
}

// Outbox is a Publisher that appends each post to a file (mode 0600, fsync'd
// after each line) or writes it to a writer. It is safe for concurrent use.
type Outbox struct {
	path string    // absolute; empty when writing to w
	w    io.Writer // standard output when path is empty
	now  func() time.Time
	mu   sync.Mutex
}

var _ publish.Publisher = (*Outbox)(nil)

// New returns an Outbox appending to path, or writing to stdout when path is
// "" or "-". now may be nil for time.Now.
func New(path string, stdout io.Writer, now func() time.Time) (*Outbox, error) {
	if now == nil {
		now = time.Now
	}
	o := &Outbox{w: stdout, now: now}
	if path == "" || path == "-" {
		if stdout == nil {
			o.w = os.Stdout
		}
		return o, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("outbox: %s: %w", path, err)
	}
	o.path = abs
	return o, nil
}

// Path is the outbox file's absolute path; empty when writing to stdout.
func (o *Outbox) Path() string { return o.path }

// Publish appends p as one JSON line. When the file already holds a line with
// p's idempotency key, Publish writes nothing and returns that line's receipt,
// so a post resent after a crash is not written twice.
func (o *Outbox) Publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	if err := ctx.Err(); err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: %w", p.Account, err)
	}
	line := o.line(p)
	data, err := json.Marshal(line)
	if err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: outbox: encode: %w", p.Account, err)
	}
	data = append(data, '\n')

	o.mu.Lock()
	defer o.mu.Unlock()
	if o.path == "" {
		if _, err := o.w.Write(data); err != nil {
			return publish.Receipt{}, fmt.Errorf("%s: outbox: write stdout: %w", p.Account, err)
		}
		return o.receipt(line), nil
	}
	f, err := os.OpenFile(o.path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: outbox: %w", p.Account, err)
	}
	defer f.Close()
	if err := lock(f); err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: outbox: lock %s: %w", p.Account, o.path, err)
	}
	prev, torn, err := find(f, p.IdempotencyKey)
	if err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: outbox: read %s: %w", p.Account, o.path, err)
	}
	if prev != nil {
		return o.receipt(*prev), nil
	}
	if torn {
		// A crash cut the last line short; start ours on a line of its own.
		data = append([]byte{'\n'}, data...)
	}
	if _, err := f.Write(data); err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: outbox: write %s: %w", p.Account, o.path, err)
	}
	if err := f.Sync(); err != nil {
		return publish.Receipt{}, fmt.Errorf("%s: outbox: sync %s: %w", p.Account, o.path, err)
	}
	return o.receipt(line), nil
}

// DryRun returns the line Publish would append, without writing it.
func (o *Outbox) DryRun(_ context.Context, p publish.Post) (method, target string, body []byte, err error) {
	data, err := json.Marshal(o.line(p))
	if err != nil {
		return "", "", nil, fmt.Errorf("%s: outbox: encode: %w", p.Account, err)
	}
	target = "stdout"
	if o.path != "" {
		target = fileURL(o.path, "")
	}
	return "APPEND", target, append(data, '\n'), nil
}

func (o *Outbox) line(p publish.Post) Line {
	return Line{
		ID:             shortID(p),
		Account:        p.Account,
		ArticleID:      p.ArticleID,
		Text:           p.Text,
		Link:           p.Link,
		Hashtags:       p.Hashtags,
		IdempotencyKey: p.IdempotencyKey,
		Time:           o.now().UTC().Truncate(time.Millisecond),
	}
}

func (o *Outbox) receipt(l Line) publish.Receipt {
	r := publish.Receipt{ID: l.ID, At: l.Time}
	if o.path != "" {
		r.URL = fileURL(o.path, l.ID)
	}
	return r
}

// shortID names a post in the outbox: a prefix of the hash of its
// idempotency key, or of its account, article and text when it has no key.
func shortID(p publish.Post) string {
	seed := p.IdempotencyKey
	if seed == "" {
		seed = p.Account + "\x00" + p.ArticleID + "\x00" + p.Text
	}
	sum := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(sum[:8])
}

func fileURL(path, id string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path), Fragment: id}
	return u.String()
}

// find reads the outbox from the start for a line with key. torn reports
// whether the file ends without a newline. Lines that are not JSON (a torn
// write, or something a person added) are skipped.
func find(f *os.File, key string) (found *Line, torn bool, err error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, false, err
	}
	r := bufio.NewReaderSize(f, 64<<10)
	for {
		raw, err := r.ReadBytes('\n')
		if len(raw) > 0 && key != "" && found == nil && bytes.Contains(raw, []byte(key)) {
			var l Line
			if json.Unmarshal(raw, &l) == nil && l.IdempotencyKey == key {
				found = &l
			}
		}
		if errors.Is(err, io.EOF) {
			return found, len(raw) > 0, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
}

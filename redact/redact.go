// Package redact removes credentials from text before it leaves Hookline:
// error bodies and headers of servers (which may echo the request),
// errors, log records and pages. One Redactor knows every secret of the
// config and every token the process obtained at run time (sessions,
// refreshed tokens); publishers add the tokens they obtain as they get
// them.
package redact

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Mark is what a secret is replaced by; config.Secret prints it too.
const Mark = "[redacted]"

// shortSecret is the length under which a secret is redacted only where it
// stands alone, not inside a longer word: a two-letter password would
// otherwise mangle every word of a message that happens to contain it.
const shortSecret = 8

// Redactor replaces known secrets in text with Mark. It is safe for
// concurrent use. A nil *Redactor redacts nothing.
type Redactor struct {
	mu  sync.Mutex // serialises Add
	set atomic.Pointer[secretSet]
}

// secretSet is what a Redactor knows at one time. Add builds a new one
// and swaps it in whole, so a String running meanwhile reads a set that
// never changes under it.
type secretSet struct {
	forms []string // every form of every secret, longest first
	// long replaces, in one pass, the forms of at least shortSecret bytes;
	// short holds the others, longest first, redacted where they stand
	// alone.
	long  *strings.Replacer
	short []string
}

// New returns a Redactor that knows secrets (empty ones are ignored).
func New(secrets ...string) *Redactor {
	r := &Redactor{}
	r.Add(secrets...)
	return r
}

// For returns r, or a new Redactor when r is nil, having added secrets:
// what a publisher's constructor does with the process's redactor and its
// account's credentials.
func For(r *Redactor, secrets ...string) *Redactor {
	if r == nil {
		r = New()
	}
	r.Add(secrets...)
	return r
}

// Add teaches r more secrets, each also in the forms a request carries it
// in: URL-encoded (a form or query) and JSON-escaped (a JSON body). Empty
// secrets are ignored.
func (r *Redactor) Add(secrets ...string) {
	if r == nil {
		return
	}
	var forms []string
	for _, s := range secrets {
		if s == "" {
			continue
		}
		forms = append(forms, s, url.QueryEscape(s), url.PathEscape(s), jsonEscaped(s, true), jsonEscaped(s, false))
	}
	if len(forms) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var all []string
	if old := r.set.Load(); old != nil {
		all = slices.Clone(old.forms)
	}
	added := false
	for _, f := range forms {
		if !slices.Contains(all, f) {
			all = append(all, f)
			added = true
		}
	}
	if !added {
		return
	}
	slices.SortStableFunc(all, func(a, b string) int { return len(b) - len(a) })
	next := &secretSet{forms: all}
	var pairs []string
	for _, f := range all {
		if len(f) >= shortSecret {
			pairs = append(pairs, f, Mark)
		} else {
			next.short = append(next.short, f)
		}
	}
	if len(pairs) > 0 {
		next.long = strings.NewReplacer(pairs...)
	}
	r.set.Store(next)
}

// jsonEscaped is s as it stands inside a JSON string, without the quotes.
func jsonEscaped(s string, escapeHTML bool) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	_ = enc.Encode(s)
	out := strings.TrimSuffix(b.String(), "\n")
	return out[1 : len(out)-1]
}

// secrets returns what r knows now; nil for a nil r or one that knows
// nothing.
func (r *Redactor) secrets() *secretSet {
	if r == nil {
		return nil
	}
	return r.set.Load()
}

// String returns s with every known secret replaced by Mark.
func (r *Redactor) String(s string) string {
	set := r.secrets()
	if set == nil {
		return s
	}
	if set.long != nil {
		s = set.long.Replace(s)
	}
	for _, secret := range set.short {
		s = redactOne(s, secret)
	}
	return s
}

// Error returns err with every known secret in its message replaced by
// Mark, as an error that still unwraps to err (errors.Is and errors.As see
// the original); err itself when its message holds none.
func (r *Redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	out := r.String(msg)
	if out == msg {
		return err
	}
	return &redacted{msg: out, err: err}
}

// redacted is an error whose message had secrets replaced.
type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }

// redactOne replaces a short secret in msg with Mark where it stands
// alone, between non-alphanumeric characters.
func redactOne(msg, secret string) string {
	if !strings.Contains(msg, secret) {
		return msg
	}
	var b strings.Builder
	rest := msg
	for {
		i := strings.Index(rest, secret)
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		end := i + len(secret)
		before, _ := utf8.DecodeLastRuneInString(rest[:i])
		after, _ := utf8.DecodeRuneInString(rest[end:])
		b.WriteString(rest[:i])
		if i > 0 && isAlnum(before) || end < len(rest) && isAlnum(after) {
			b.WriteString(secret)
		} else {
			b.WriteString(Mark)
		}
		rest = rest[end:]
	}
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// cutPartial removes from the end of s what may be the start of a long
// secret cut off by a size bound, so that no prefix of it survives.
func (r *Redactor) cutPartial(s string) string {
	set := r.secrets()
	if set == nil {
		return s
	}
	for _, secret := range set.forms {
		if len(secret) < shortSecret {
			continue
		}
		for k := len(secret) - 1; k >= 4; k-- {
			if strings.HasSuffix(s, secret[:k]) {
				return s[:len(s)-k] + Mark
			}
		}
	}
	return s
}

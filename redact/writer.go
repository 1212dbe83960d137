package redact

import "io"

// Writer returns a writer that replaces known secrets in each write before
// passing it to w: for command output, where every line is one write
// (fmt.Fprintf, a slog record, a JSON line).
func (r *Redactor) Writer(w io.Writer) io.Writer {
	if rw, ok := w.(*writer); ok && rw.r == r {
		return w
	}
	return &writer{w: w, r: r}
}

type writer struct {
	w io.Writer
	r *Redactor
}

// Write writes p redacted and reports len(p) written when all of it was.
func (w *writer) Write(p []byte) (int, error) {
	if _, err := w.w.Write(w.r.bytes(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

package redact

import (
	"io"
	"net/http"
	"strings"
)

// MaxErrorBody bounds what is kept of an error response's body, in bytes
// (1 MiB): more than any caller reads.
const MaxErrorBody = 1 << 20

// transport returns an http.RoundTripper that sends through base (nil for
// http.DefaultTransport) and, for every answer of status 400 or above,
// replaces known secrets in the body and the headers before anything else
// reads them, so a server that echoes the request (its Authorization
// header, a JSON body with a password) cannot hand a credential to an
// error message, a log or the state file. Bodies of other answers pass
// untouched.
func (r *Redactor) transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	if t, ok := base.(*transport); ok && t.r == r {
		return t
	}
	return &transport{base: base, r: r}
}

type transport struct {
	base http.RoundTripper
	r    *Redactor
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil || resp.StatusCode < 400 {
		return resp, err
	}
	data, rerr := io.ReadAll(io.LimitReader(resp.Body, MaxErrorBody+1))
	resp.Body.Close()
	var body string
	if len(data) > MaxErrorBody {
		body = t.r.cutPartial(t.r.String(string(data[:MaxErrorBody])))
	} else {
		body = t.r.String(string(data))
	}
	resp.Header = t.r.header(resp.Header)
	resp.Body = io.NopCloser(io.MultiReader(strings.NewReader(body), errReader{rerr}))
	resp.ContentLength = int64(len(body))
	if rerr != nil {
		resp.ContentLength = -1
	}
	return resp, nil
}

// errReader returns err (io.EOF when nil): a body that broke while read
// still breaks for the caller.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) {
	if e.err == nil {
		return 0, io.EOF
	}
	return 0, e.err
}

// header returns a copy of h with every known secret in its values (and
// names) replaced by Mark.
func (r *Redactor) header(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for k, vs := range h {
		rv := make([]string, len(vs))
		for i, v := range vs {
			rv[i] = r.String(v)
		}
		out[r.String(k)] = rv
	}
	return out
}

// bytes returns b with every known secret replaced by Mark.
func (r *Redactor) bytes(b []byte) []byte {
	s := r.String(string(b))
	if s == string(b) {
		return b
	}
	return []byte(s)
}

// Client returns a copy of hc (nil for http.DefaultClient) whose transport
// is r.transport of hc's.
func (r *Redactor) Client(hc *http.Client) *http.Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	c := *hc
	c.Transport = r.transport(hc.Transport)
	return &c
}

package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxResponse caps what is read of one XRPC response body.
const maxResponse = 1 << 20

// xrpcError is an XRPC error response: the HTTP status and the body's
// {"error", "message"}, read from a body the redacting transport has
// already cleaned of the app password and session tokens.
type xrpcError struct {
	Method  string // NSID called
	Status  int
	Name    string // "error" of the body, e.g. "ExpiredToken"
	Message string // "message" of the body
	Reset   time.Time
}

func (e *xrpcError) Error() string {
	s := fmt.Sprintf("%s: %d", e.Method, e.Status)
	if e.Name != "" {
		s += " " + e.Name
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// request is one XRPC call.
type request struct {
	nsid   string
	query  url.Values // for queries (GET)
	input  any        // JSON input of a procedure; nil for a query
	raw    []byte     // raw input (uploadBlob); used when input is nil
	ctype  string     // content type of raw
	bearer string     // access or refresh JWT; empty for none
	post   bool       // a procedure without input (refreshSession)
}

// do sends r and decodes the JSON output into out (which may be nil). A
// non-2xx answer becomes *xrpcError; a failure to connect or read stays the
// transport's error, wrapped.
func (c *Client) do(ctx context.Context, r request, out any) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()

	method := http.MethodGet
	if r.post {
		method = http.MethodPost
	}
	var body io.Reader
	ctype := ""
	switch {
	case r.input != nil:
		b, err := json.Marshal(r.input)
		if err != nil {
			return fmt.Errorf("%s: encode input: %w", r.nsid, err)
		}
		method, body, ctype = http.MethodPost, bytes.NewReader(b), "application/json"
	case r.raw != nil:
		method, body, ctype = http.MethodPost, bytes.NewReader(r.raw), r.ctype
	}
	u := c.server + "/xrpc/" + r.nsid
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return fmt.Errorf("%s: %w", r.nsid, err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	if r.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+r.bearer)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		// url.Error repeats the URL, which holds no secret; keep its cause.
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return fmt.Errorf("%s: %w", r.nsid, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return fmt.Errorf("%s: read response: %w", r.nsid, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return decodeError(r.nsid, resp, data)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%s: decode response: %w", r.nsid, err)
	}
	return nil
}

// decodeError builds the *xrpcError of a non-2xx response.
func decodeError(nsid string, resp *http.Response, data []byte) *xrpcError {
	e := &xrpcError{Method: nsid, Status: resp.StatusCode}
	var body struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if json.Unmarshal(data, &body) == nil {
		e.Name, e.Message = body.Error, body.Message
	} else if e.Status >= 500 {
		e.Message = strings.TrimSpace(http.StatusText(e.Status))
	}
	if len(e.Message) > 300 {
		e.Message = strings.ToValidUTF8(e.Message[:300], "") + "…"
	}
	if s := resp.Header.Get("ratelimit-reset"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			e.Reset = time.Unix(n, 0)
		}
	}
	return e
}

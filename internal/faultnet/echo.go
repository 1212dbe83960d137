package faultnet

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
)

// SetEcho makes the server answer every request whose path is one of paths
// (every request when none is given) with status code and an error body,
// in the protocol's own shape, whose message is the whole request: method,
// URL, every header and the body, as a careless server or proxy does. The
// answer's headers echo the request's Authorization too, and a 429 carries
// the protocol's rate-limit headers. Code 0 switches echoing off.
func (s *Server) SetEcho(code int, paths ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.echoCode, s.echoPaths = code, paths
}

// echoes reports whether r is to be echoed, and with what status.
func (s *Server) echoes(r *http.Request) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.echoCode == 0 || len(s.echoPaths) > 0 && !slices.Contains(s.echoPaths, r.URL.Path) {
		return 0
	}
	return s.echoCode
}

// serveEcho answers r with its own echo when SetEcho says so, in the shape
// body gives for the path and status, and reports whether it did.
func (s *Server) serveEcho(w http.ResponseWriter, r *http.Request, p proto, body func(path string, code int, echo string) any) bool {
	code := s.echoes(r)
	if code == 0 {
		return false
	}
	data, _ := io.ReadAll(r.Body)
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", r.Method, r.URL)
	keys := make([]string, 0, len(r.Header))
	for k := range r.Header {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range r.Header[k] {
			fmt.Fprintf(&b, "%s: %s\n", k, v)
		}
	}
	b.WriteString("\n")
	b.Write(data)
	w.Header().Set("X-Echo-Authorization", r.Header.Get("Authorization"))
	if code == http.StatusTooManyRequests {
		p.rateHeaders(w.Header(), s.rateReset())
	}
	write(w, jsonReply(code, body(r.URL.Path, code, b.String())))
	return true
}

// EchoStatuses are the statuses an echo test answers with: every refusal,
// rate limit and server error a publisher words differently.
var EchoStatuses = []int{400, 401, 403, 413, 422, 429, 500, 502, 503}

// LogFormats are the slog handlers an echo test logs through, at debug.
var LogFormats = map[string]func(w io.Writer) *slog.Logger{
	"text": func(w io.Writer) *slog.Logger {
		return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
	},
	"json": func(w io.Writer) *slog.Logger {
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
	},
}

// Leaks returns the secrets found in text (each with some context).
func Leaks(text string, secrets ...string) []string {
	var out []string
	for _, s := range secrets {
		if i := strings.Index(text, s); s != "" && i >= 0 {
			out = append(out, fmt.Sprintf("%q in …%s…", s, text[max(0, i-80):min(len(text), i+len(s)+20)]))
		}
	}
	return out
}

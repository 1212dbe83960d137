package redact

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

func TestRedactor_Error(t *testing.T) {
	sentinel := errors.New("unauthorized")
	tests := []struct {
		name    string
		err     error
		secrets []string
		want    string
	}{
		{"nil", nil, []string{"tok"}, ""},
		{"no secret in message", fmt.Errorf("x-main: %w", sentinel), []string{"tok-123"}, "x-main: unauthorized"},
		{"secret replaced everywhere", fmt.Errorf("bad token tok-123 (tok-123): %w", sentinel), []string{"tok-123"}, "bad token [redacted] ([redacted]): unauthorized"},
		{"empty secret ignored", fmt.Errorf("a: %w", sentinel), []string{""}, "a: unauthorized"},
		{"several secrets", fmt.Errorf("k1=AAA k2=BBB: %w", sentinel), []string{"AAA", "BBB"}, "k1=[redacted] k2=[redacted]: unauthorized"},
		{"short secret left inside words", fmt.Errorf("authorization failed, password=or; or retry: %w", sentinel), []string{"or"},
			"authorization failed, password=[redacted]; [redacted] retry: unauthorized"},
		{"long secret replaced inside words", fmt.Errorf("xAAAABBBBy: %w", sentinel), []string{"AAAABBBB"}, "x[redacted]y: unauthorized"},
		{"short secret at both ends", fmt.Errorf("ab1 %w ab1", sentinel), []string{"ab1"}, "[redacted] unauthorized [redacted]"},
		{"url-encoded form", fmt.Errorf("body refresh_token=p%%2Fq%%2Bw+long-enough: %w", sentinel), []string{"p/q+w long-enough"}, "body refresh_token=[redacted]: unauthorized"},
		{"json-escaped form", fmt.Errorf(`{"password":"a\"b\u003cc-long-enough"}: %w`, sentinel), []string{`a"b<c-long-enough`}, `{"password":"[redacted]"}: unauthorized`},
		{"secret inside another", fmt.Errorf("AAAABBBBCCCC and AAAABBBB: %w", sentinel), []string{"AAAABBBB", "AAAABBBBCCCC"}, "[redacted] and [redacted]: unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New(tt.secrets...).Error(tt.err)
			if tt.err == nil {
				if got != nil {
					t.Fatalf("Error(nil) = %v, want nil", got)
				}
				return
			}
			if got.Error() != tt.want {
				t.Errorf("Error() = %q, want %q", got.Error(), tt.want)
			}
			if !errors.Is(got, sentinel) {
				t.Errorf("Error() lost the sentinel: %v", got)
			}
		})
	}
}

func TestRedactor_Nil(t *testing.T) {
	var r *Redactor
	r.Add("secret-value")
	if got := r.String("secret-value"); got != "secret-value" {
		t.Errorf("nil String = %q", got)
	}
	if err := errors.New("e"); r.Error(err) != err {
		t.Errorf("nil Error changed the error")
	}
}

// A secret learned after the handler was made is redacted from later records.
func TestRedactor_Handler(t *testing.T) {
	const secret = "SECRET-MARKER-late-token"
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			r := New("SECRET-MARKER-config")
			var buf bytes.Buffer
			var h slog.Handler = slog.NewTextHandler(&buf, nil)
			if format == "json" {
				h = slog.NewJSONHandler(&buf, nil)
			}
			log := r.Logger(slog.New(h)).With(slog.String("with", "SECRET-MARKER-config"))
			r.Add(secret)
			log.Info("got "+secret, slog.String("s", secret), slog.Any("err", fmt.Errorf("echo: %s", secret)),
				slog.Group("g", slog.String("inner", secret)), slog.Any("bytes", []byte(secret)),
				slog.Any("map", map[string]string{"k": secret}), slog.Any("url", &url.URL{Scheme: "https", Host: "h", Path: "/" + secret}))
			if out := buf.String(); strings.Contains(out, "SECRET-MARKER") || !strings.Contains(out, Mark) {
				t.Errorf("log = %s; want every secret redacted", out)
			}
		})
	}
}

func TestRedactor_Transport(t *testing.T) {
	const secret = "SECRET-MARKER-echoed-token"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Echo-Authorization", r.Header.Get("Authorization"))
		code := http.StatusBadRequest
		if r.URL.Path == "/ok" {
			code = http.StatusOK
		}
		w.WriteHeader(code)
		if r.URL.Path == "/long" {
			// The secret straddles the bound: no prefix of it may survive.
			fmt.Fprint(w, strings.Repeat("x", MaxErrorBody-10), secret)
			return
		}
		fmt.Fprint(w, `{"error":"echo: Authorization: `, r.Header.Get("Authorization"), `"}`)
	}))
	defer srv.Close()
	r := New(secret)
	hc := r.Client(srv.Client())
	get := func(path string) (*http.Response, string) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, string(body)
	}
	resp, body := get("/err")
	if strings.Contains(body, "MARKER") || body != `{"error":"echo: Authorization: Bearer [redacted]"}` {
		t.Errorf("error body = %q", body)
	}
	if h := resp.Header.Get("X-Echo-Authorization"); h != "Bearer [redacted]" {
		t.Errorf("error header = %q", h)
	}
	if _, body := get("/long"); strings.Contains(body, "SECRET-MAR") || len(body) > MaxErrorBody+len(Mark) {
		t.Errorf("long error body keeps %q", body[max(0, len(body)-40):])
	}
	// A 2xx answer is the caller's data, not an error: untouched.
	if _, body := get("/ok"); !strings.Contains(body, secret) {
		t.Errorf("2xx body = %q; want it untouched", body)
	}
}

func TestRedactor_Writer(t *testing.T) {
	var buf bytes.Buffer
	w := New("SECRET-MARKER-w").Writer(&buf)
	n, err := fmt.Fprintf(w, "a SECRET-MARKER-w b\n")
	if err != nil || n != len("a SECRET-MARKER-w b\n") || buf.String() != "a [redacted] b\n" {
		t.Errorf("Writer wrote %q (%d, %v)", buf.String(), n, err)
	}
}

// TestRedactor_addWhileRedacting adds secrets while other goroutines
// redact: a secret known before they start is always redacted, and the
// race detector sees no shared write (Add once re-sorted the list String
// was reading).
func TestRedactor_addWhileRedacting(t *testing.T) {
	const known = "known-secret-0123456789"
	r := New(known)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if got := r.String("token=" + known); strings.Contains(got, known) {
					t.Errorf("String = %q: the known secret leaked while secrets were added", got)
					return
				}
			}
		}()
	}
	for i := 0; i < 200; i++ {
		r.Add(fmt.Sprintf("session-token-%04d-%s", i, strings.Repeat("x", i%40)))
	}
	wg.Wait()
}

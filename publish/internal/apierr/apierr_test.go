package apierr

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestStatus_Error(t *testing.T) {
	tests := []struct {
		name string
		err  *Status
		want string
	}{
		{"with message", &Status{Code: 422, Msg: "text too long"}, "422 unprocessable entity: text too long"},
		{"without message", &Status{Code: 503}, "503 service unavailable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		value string
		want  time.Time
	}{
		{"seconds", "90", now.Add(90 * time.Second)},
		{"padded seconds", " 5 ", now.Add(5 * time.Second)},
		{"http date", "Sun, 01 Mar 2026 10:02:00 GMT", now.Add(2 * time.Minute)},
		{"negative", "-3", time.Time{}},
		{"garbage", "soon", time.Time{}},
		{"missing", "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.value != "" {
				h.Set("Retry-After", tt.value)
			}
			if got := RetryAfter(h, now); !got.Equal(tt.want) {
				t.Errorf("RetryAfter(%q) = %v, want %v", tt.value, got, tt.want)
			}
		})
	}
}

func TestRedact(t *testing.T) {
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Redact(tt.err, tt.secrets...)
			if tt.err == nil {
				if got != nil {
					t.Fatalf("Redact(nil) = %v, want nil", got)
				}
				return
			}
			if got.Error() != tt.want {
				t.Errorf("Redact() = %q, want %q", got.Error(), tt.want)
			}
			if !errors.Is(got, sentinel) {
				t.Errorf("Redact() lost the sentinel: %v", got)
			}
		})
	}
}

func TestWorded_Unwrap(t *testing.T) {
	sentinel := errors.New("duplicate")
	err := fmt.Errorf("post: %w", &Worded{Msg: "x-main: 403 duplicate", Err: fmt.Errorf("%w: %w", sentinel, &Status{Code: 403})})
	var st *Status
	if !errors.Is(err, sentinel) || !errors.As(err, &st) || st.Code != 403 {
		t.Errorf("Worded does not unwrap to its sentinel and status: %v", err)
	}
	if got, want := err.Error(), "post: x-main: 403 duplicate"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

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

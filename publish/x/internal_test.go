package x

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hookline/hookline/publish"
)

func TestRateLimitReset(t *testing.T) {
	now := time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)
	window, day := now.Add(15*time.Minute), now.Add(18*time.Hour)
	secs := func(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }
	tests := []struct {
		name   string
		header map[string]string
		want   time.Time
	}{
		{"window", map[string]string{"x-rate-limit-reset": secs(window), "x-rate-limit-remaining": "0"}, window},
		{"both exhausted: the later", map[string]string{"x-rate-limit-reset": secs(window), "x-rate-limit-remaining": "0",
			"x-user-limit-24hour-reset": secs(day), "x-user-limit-24hour-remaining": "0"}, day},
		{"both, remaining unknown: the later", map[string]string{"x-rate-limit-reset": secs(window), "x-user-limit-24hour-reset": secs(day)}, day},
		{"day exhausted, window not", map[string]string{"x-rate-limit-reset": secs(window), "x-rate-limit-remaining": "40",
			"x-user-limit-24hour-reset": secs(day), "x-user-limit-24hour-remaining": "0"}, day},
		{"none exhausted: the later", map[string]string{"x-rate-limit-reset": secs(window), "x-rate-limit-remaining": "3",
			"x-user-limit-24hour-reset": secs(day), "x-user-limit-24hour-remaining": "2"}, day},
		{"retry-after seconds", map[string]string{"Retry-After": "120"}, now.Add(2 * time.Minute)},
		{"garbage", map[string]string{"x-rate-limit-reset": "soon"}, time.Time{}},
		{"none", nil, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			if got := rateLimitReset(h, now); !got.Equal(tt.want) {
				t.Errorf("reset = %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzRateLimitReset(f *testing.F) {
	f.Add("1796000000", "0", "1796050000", "")
	f.Add("-1", "x", "99999999999999999999", "Mon, 02 Jan 2006 15:04:05 GMT")
	now := time.Date(2026, 11, 28, 15, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, reset, remaining, dayReset, retryAfter string) {
		h := http.Header{}
		h.Set("x-rate-limit-reset", reset)
		h.Set("x-rate-limit-remaining", remaining)
		h.Set("x-user-limit-24hour-reset", dayReset)
		h.Set("Retry-After", retryAfter)
		got := rateLimitReset(h, now)
		if !got.IsZero() && got.Year() > 40000 {
			t.Errorf("absurd reset %v", got)
		}
	})
}

func TestProblem(t *testing.T) {
	tests := []struct {
		name, body, text string
		dup              bool
	}{
		{"v2 duplicate", `{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`,
			"You are not allowed to create a Tweet with duplicate content.", true},
		{"v1 duplicate", `{"errors":[{"code":187,"message":"Status is a duplicate."}]}`, "Status is a duplicate.", true},
		{"invalid request with errors", `{"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request","errors":[{"parameters":{"text":["x"]},"message":"The text field is too long"}]}`,
			"One or more parameters to your request was invalid.; The text field is too long", false},
		{"title only", `{"title":"Unauthorized","type":"about:blank","status":401}`, "Unauthorized", false},
		{"not json", "Bad Gateway\n<hr>", "Bad Gateway", false},
		{"html", "<html><body>oops</body></html>", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseProblem([]byte(tt.body))
			if got := p.text(); got != tt.text {
				t.Errorf("text = %q, want %q", got, tt.text)
			}
			if got := p.duplicate(); got != tt.dup {
				t.Errorf("duplicate = %v, want %v", got, tt.dup)
			}
		})
	}
}

func FuzzParseProblem(f *testing.F) {
	f.Add([]byte(`{"detail":"You are not allowed to create a Tweet with duplicate content.","status":403}`))
	f.Add([]byte(`{"errors":[{"errors":[{"message":"` + strings.Repeat("é", 400) + `"}]}]}`))
	f.Add([]byte("<html>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		s := parseProblem(body).text()
		if len(s) > maxDetail+len("…") {
			t.Errorf("text of %d bytes, over %d", len(s), maxDetail)
		}
		if utf8.Valid(body) && !utf8.ValidString(s) {
			t.Errorf("text %q cut inside a character", s)
		}
	})
}

func TestCapOrDefault(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{0, 17}, {-1, -1}, {-5, -1}, {3, 3}} {
		if got := capOrDefault(tt.n, 17); got != tt.want {
			t.Errorf("capOrDefault(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

func BenchmarkRequestBody(b *testing.B) {
	p := publish.Post{ArticleID: "a", Text: strings.Repeat("Kim Jong Un crossed into China & back. ", 6) + "\n\nhttps://example.com/kim\n#KimJongUn"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := requestBody(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseProblem(b *testing.B) {
	body := []byte(`{"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request","errors":[{"message":"The text field is too long"}]}`)
	b.ReportAllocs()
	for b.Loop() {
		_ = parseProblem(body).text()
	}
}

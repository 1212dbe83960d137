package mastodon

import (
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{
			name:    "spec example: paragraphs, entities, shortened link",
			content: `<p>&quot;I lost my inheritance with one wrong digit on my sort code&quot;</p><p><a href="https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code" rel="nofollow noopener noreferrer" target="_blank"><span class="invisible">https://www.</span><span class="ellipsis">theguardian.com/money/2019/dec</span><span class="invisible">/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code</span></a></p>`,
			want:    `"I lost my inheritance with one wrong digit on my sort code" https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code`,
		},
		{
			name:    "line breaks and hashtags",
			content: `<p>Kim went by train.<br />Why now?</p><p><a href="https://m.example/tags/KimJongUn" class="mention hashtag" rel="tag">#<span>KimJongUn</span></a> <a href="https://m.example/tags/China" class="mention hashtag" rel="tag">#<span>China</span></a></p>`,
			want:    `Kim went by train. Why now? #KimJongUn #China`,
		},
		{name: "apostrophes", content: `<p>It&#39;s Xi&apos;s &amp; Putin&#x27;s</p>`, want: `It's Xi's & Putin's`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plainText(tt.content); got != tt.want {
				t.Errorf("plainText = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzPlainText(f *testing.F) {
	f.Add(`<p>a<br/>b</p><p>c &amp; <a href="x">#<span>d</span></a></p>`)
	f.Add("<p>unclosed <a href=")
	f.Fuzz(func(t *testing.T, content string) {
		got := plainText(content)
		if utf8.ValidString(content) && !utf8.ValidString(got) {
			t.Errorf("plainText(%q) = %q: invalid UTF-8", content, got)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Errorf("plainText(%q) = %q: whitespace not folded", content, got)
		}
	})
}

func TestRateLimitReset(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header map[string]string
		want   time.Time
	}{
		{"mastodon ISO 8601 with milliseconds", map[string]string{"X-RateLimit-Reset": "2026-03-01T10:05:00.000Z"}, now.Add(5 * time.Minute)},
		{"ISO 8601 with offset", map[string]string{"X-RateLimit-Reset": "2026-03-01T11:05:00+01:00"}, now.Add(5 * time.Minute)},
		{"unix seconds", map[string]string{"X-RateLimit-Reset": "1772359500"}, time.Unix(1772359500, 0)},
		{"retry-after seconds", map[string]string{"Retry-After": "90"}, now.Add(90 * time.Second)},
		{"retry-after date", map[string]string{"Retry-After": "Sun, 01 Mar 2026 10:02:00 GMT"}, now.Add(2 * time.Minute)},
		{"garbage", map[string]string{"X-RateLimit-Reset": "soon"}, time.Time{}},
		{"none", nil, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			if got := rateLimitReset(h, now); !got.Equal(tt.want) {
				t.Errorf("rateLimitReset = %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzRateLimitReset(f *testing.F) {
	f.Add("2026-03-01T10:05:00.000Z", "")
	f.Add("", "120")
	f.Fuzz(func(t *testing.T, reset, retryAfter string) {
		h := http.Header{}
		h.Set("X-RateLimit-Reset", reset)
		h.Set("Retry-After", retryAfter)
		rateLimitReset(h, time.Now()) // must not panic
	})
}

func TestLanguage(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "en-US": "en", "pt_BR": "pt", " DE ": "de", "": ""} {
		if got := language(in); got != want {
			t.Errorf("language(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkPlainText(b *testing.B) {
	content := strings.Repeat(`<p>Kim went by train.<br />Why now? <a href="https://m.example/tags/China" class="mention hashtag" rel="tag">#<span>China</span></a></p>`, 4)
	b.ReportAllocs()
	for b.Loop() {
		plainText(content)
	}
}

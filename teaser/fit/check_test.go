package fit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkPost asserts what Fit promises for every post: within the limits,
// valid UTF-8, the link and kept hashtags intact, and every word of the
// sentences whole (a shortened last word may only lose a trailing ",;:").
func checkPost(t *testing.T, r Rules, in Input, post Post) {
	t.Helper()
	if !utf8.ValidString(post.Text) {
		t.Fatalf("invalid UTF-8: %q", post.Text)
	}
	if r.MaxBytes > 0 && len(post.Text) > r.MaxBytes {
		t.Fatalf("%d bytes over %d: %q", len(post.Text), r.MaxBytes, post.Text)
	}
	if n := r.Count(post.Text); n != post.Length || r.Limit > 0 && n > r.Limit {
		t.Fatalf("counted %d, reported %d, limit %d: %q", n, post.Length, r.Limit, post.Text)
	}
	body := post.Text
	if link := clean(in.Link); link != "" {
		if post.Link != link {
			t.Fatalf("link %q, want %q", post.Link, link)
		}
		i := strings.LastIndex(withoutTagLine(post.Text, post.Hashtags), link)
		if i < 0 {
			t.Fatalf("link %q missing from %q", link, post.Text)
		}
		body = strings.TrimSuffix(post.Text[:i], "\n\n")
	}
	if len(post.Hashtags) > 0 {
		line := strings.Join(post.Hashtags, " ")
		if !strings.HasSuffix(post.Text, line) {
			t.Fatalf("hashtags %q not at the end of %q", line, post.Text)
		}
		if in.Link == "" || clean(in.Link) == "" {
			body = strings.TrimSuffix(strings.TrimSuffix(body, line), "\n")
		}
	}
	words := map[string]bool{}
	for _, s := range in.Sentences {
		for _, w := range strings.Fields(clean(s.Text)) {
			words[w] = true
		}
	}
	for _, w := range strings.Fields(body) {
		if words[w] {
			continue
		}
		cut, shortened := strings.CutSuffix(w, ellipsis)
		if shortened && (cut == "" || words[cut] || words[cut+","] || words[cut+";"] || words[cut+":"] || trimmedFrom(words, cut)) {
			continue
		}
		t.Fatalf("word %q of %q is not a whole word of the input", w, post.Text)
	}
	for _, f := range post.Facets {
		if f.Start < 0 || f.End > len(post.Text) || f.Start >= f.End {
			t.Fatalf("facet %+v out of %d bytes", f, len(post.Text))
		}
		if seg := post.Text[f.Start:f.End]; strings.TrimPrefix(seg, "#") != f.Value && seg != f.Value {
			t.Fatalf("facet %+v covers %q", f, seg)
		}
	}
}

// trimmedFrom reports whether cut is an input word with several trailing
// ",;:" removed.
func trimmedFrom(words map[string]bool, cut string) bool {
	for w := range words {
		if strings.HasPrefix(w, cut) && strings.Trim(w[len(cut):], ",;:") == "" {
			return true
		}
	}
	return false
}

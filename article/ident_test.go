package article

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"already canonical", "https://news.example/city/bridge", "https://news.example/city/bridge"},
		{"http is https", "http://news.example/a", "https://news.example/a"},
		{"scheme case", "HTTPS://news.example/a", "https://news.example/a"},
		{"host case", "https://News.Example/a", "https://news.example/a"},
		{"www stripped", "https://www.news.example/a", "https://news.example/a"},
		{"www stripped after lower-casing", "https://WWW.News.Example/a", "https://news.example/a"},
		{"default https port", "https://news.example:443/a", "https://news.example/a"},
		{"default http port", "http://news.example:80/a", "https://news.example/a"},
		{"other port kept", "https://news.example:8443/a", "https://news.example:8443/a"},
		{"trailing slash", "https://news.example/a/", "https://news.example/a"},
		{"root slash", "https://news.example/", "https://news.example"},
		{"fragment", "https://news.example/a#comments", "https://news.example/a"},
		{"utm parameters", "https://news.example/a?utm_source=x&utm_medium=social&utm_campaign=c", "https://news.example/a"},
		{"utm in upper case", "https://news.example/a?UTM_Source=x", "https://news.example/a"},
		{"click ids", "https://news.example/a?fbclid=1&gclid=2&igshid=3&msclkid=4", "https://news.example/a"},
		{"mailchimp and twitter", "https://news.example/a?mc_cid=1&mc_eid=2&ref_src=twsrc", "https://news.example/a"},
		{"other parameters kept", "https://news.example/a?id=7&utm_source=x", "https://news.example/a?id=7"},
		{"parameter order ignored", "https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2"},
		{"path case kept", "https://news.example/City/Bridge", "https://news.example/City/Bridge"},
		{"escaping kept", "https://news.example/caf%C3%A9", "https://news.example/caf%C3%A9"},
		{"user info dropped", "https://u:p@news.example/a", "https://news.example/a"},
		{"everything at once", "http://WWW.News.Example:80/a/?utm_source=feed&id=3#top", "https://news.example/a?id=3"},
		{"IPv6 host", "http://[2001:db8::1]:80/a", "https://[2001:db8::1]/a"},
		{"not http", "ftp://news.example/a", ""},
		{"javascript", "javascript:alert(1)", ""},
		{"relative", "/a/b", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalURL(tt.in); got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// The variants a feed, a share and a hand-typed link give for one story
// are one article.
func TestArticle_Finish_sameStoryOneID(t *testing.T) {
	var ids []string
	for _, u := range []string{
		"https://news.example/story",
		"http://www.news.example/story/",
		"https://news.example/story?utm_source=rss&utm_medium=feed",
		"https://NEWS.example:443/story?fbclid=abc#top",
	} {
		a := &Article{URL: u, Title: "T", Paragraphs: []string{"Body."}}
		a.Finish()
		ids = append(ids, a.ID)
	}
	for _, id := range ids[1:] {
		if id != ids[0] {
			t.Fatalf("ids %q differ", ids)
		}
	}
}

func TestArticle_ContentHash_hook(t *testing.T) {
	base := Article{Title: "Night train", Hook: "Have you heard? The night train is back.", Paragraphs: []string{"It runs nightly."}}
	edited := base
	edited.Hook = "Have you heard? The night train is back for good."
	moved := Article{Title: base.Title, Paragraphs: []string{base.Hook, "It runs nightly."}}
	h := base.ContentHash()
	if h == edited.ContentHash() {
		t.Error("editing the hook did not change the hash")
	}
	if h == moved.ContentHash() {
		t.Error("moving the hook into the body did not change the hash")
	}
	// Without a hook the hash is the one stored before hooks counted
	// (title and paragraphs, each ended by NUL), so stored hashes of such
	// articles stay valid.
	plain := Article{Title: "T", Paragraphs: []string{"One.", "Two."}}
	old := sha256.Sum256([]byte("T\x00One.\x00Two.\x00"))
	if got := plain.ContentHash(); got != hex.EncodeToString(old[:]) {
		t.Errorf("hash without hook %s, want the previous %x", got, old)
	}
}

func TestLoad_localIDs(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "story.txt")
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const story = "Ferry goes electric\n\nThe harbour ferry runs on batteries now, the city said on Monday.\n"
	write(story)
	a, err := Load(context.Background(), name, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "file://" + filepath.ToSlash(name); a.ID != want {
		t.Errorf("file ID %q, want %q", a.ID, want)
	}
	write(strings.Replace(story, "Monday", "Tuesday", 1))
	b, err := Load(context.Background(), name, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if b.ID != a.ID || b.Hash == a.Hash {
		t.Errorf("edit: ID %q → %q, hash %s → %s; want same ID, other hash", a.ID, b.ID, a.Hash, b.Hash)
	}
	s, err := Load(context.Background(), "-", LoadOptions{Stdin: strings.NewReader(story)})
	if err != nil {
		t.Fatal(err)
	}
	if want := "stdin:sha256:" + s.Hash; s.ID != want {
		t.Errorf("stdin ID %q, want %q", s.ID, want)
	}
}

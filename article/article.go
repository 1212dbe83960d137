// Package article holds the Article type that every source produces and the
// readers that turn plain text, Markdown and HTML into one.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Article is one piece of writing that Hookline can tease. Readers (text,
// Markdown, HTML) and the daemon's sources (folders, feeds, URL lists) all
// produce it.
type Article struct {
	// ID is stable across edits: the canonical URL (CanonicalURL) when
	// there is one, set by Finish; else set by whoever read the article from
	// where it was read (see ident.go).
	ID string
	// Source names where the article was read from: a path, a URL or "-".
	Source string
	// URL is the canonical link to the article; it may be empty.
	URL string
	// Title is the headline, without trailing punctuation added.
	Title string
	// Hook is the article's first paragraph when it is already a hook-style
	// teaser (as in the style model); empty otherwise. It is not part of Paragraphs.
	Hook string
	// Paragraphs is the body text, one paragraph each, without title and hook.
	Paragraphs []string
	// Keywords are explicit keywords given by the author or the feed (front
	// matter, meta keywords, feed categories), best first.
	Keywords []string
	// Image is the URL of the article's lead image (og:image, front matter).
	Image string
	// Lang is a BCP 47 language tag such as "en"; empty when unknown.
	Lang string
	// Published is the publication time; zero when unknown.
	Published time.Time
	// Hash is the hex SHA-256 of title, hook and body; it tells an edit.
	// Set by Finish.
	Hash string
	// Draft marks an article its author has not released (front matter
	// draft: true): it is never posted.
	Draft bool
	// Embargo is when the article may first be posted (front matter
	// embargo:); zero for none. A Published time in the future holds it
	// back too (see NotBefore).
	Embargo time.Time
	// Teaser is the author's own teaser (front matter teaser:), posted
	// instead of the written one; empty for none.
	Teaser string
	// Hashtags are the author's chosen hashtags (front matter hashtags:),
	// without "#", posted instead of the ones found; empty for none.
	Hashtags []string
}

// NotBefore is the earliest time the article may be posted: the later of
// its embargo and its publication time; zero for any time.
func (a *Article) NotBefore() time.Time {
	if a.Embargo.After(a.Published) {
		return a.Embargo
	}
	return a.Published
}

// Body returns the paragraphs joined by blank lines.
func (a *Article) Body() string { return strings.Join(a.Paragraphs, "\n\n") }

// Finish sets Hash from the content and, when the article has an http(s)
// URL, ID from its canonical form. An article without one keeps the ID its
// reader gave it (see ident.go). Readers call it last.
func (a *Article) Finish() {
	a.Hash = a.ContentHash()
	if id := CanonicalURL(a.URL); id != "" {
		a.ID = id
	}
}

// ContentHash returns the hex SHA-256 of the title, the hook and the body:
// what a reader sees, so that any edit of it changes the hash.
func (a *Article) ContentHash() string {
	h := sha256.New()
	h.Write([]byte(a.Title))
	h.Write([]byte{0})
	// The hook is marked so that moving a paragraph between hook and body
	// is an edit too; without one the hash is what it was before hooks
	// counted, so those stored hashes stay valid.
	if a.Hook != "" {
		h.Write([]byte("hook:"))
		h.Write([]byte(a.Hook))
		h.Write([]byte{0})
	}
	for _, p := range a.Paragraphs {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

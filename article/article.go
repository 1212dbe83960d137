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
	// ID is stable across edits: the canonical URL when there is one, else
	// "sha256:" and the content hash. Set by Finish.
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
	// Hash is the hex SHA-256 of title and body. Set by Finish.
	Hash string
}

// Body returns the paragraphs joined by blank lines.
func (a *Article) Body() string { return strings.Join(a.Paragraphs, "\n\n") }

// Finish sets Hash from the title and body, and ID from the URL or, when
// there is none, from the hash. Readers call it last.
func (a *Article) Finish() {
	h := sha256.New()
	h.Write([]byte(a.Title))
	h.Write([]byte{0})
	for _, p := range a.Paragraphs {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	a.Hash = hex.EncodeToString(h.Sum(nil))
	if a.URL != "" {
		a.ID = a.URL
	} else {
		a.ID = "sha256:" + a.Hash
	}
}

package fit

import "errors"

// Role is what a sentence does in a teaser; it decides what Fit drops
// first when a post is too long.
type Role int

// Roles, in the order the teaser writes them.
const (
	// Hook is the opening line that makes people read on.
	Hook Role = iota
	// Fact is the core news; Fit keeps it longest.
	Fact
	// Stakes says why it matters.
	Stakes
	// Question invites a reply; Fit drops it first.
	Question
)

// String returns the role's lowercase name.
func (r Role) String() string {
	switch r {
	case Hook:
		return "hook"
	case Fact:
		return "fact"
	case Stakes:
		return "stakes"
	case Question:
		return "question"
	}
	return "unknown"
}

// Sentence is one sentence of a teaser with its role.
type Sentence struct {
	Text string
	Role Role
}

// Input is what Fit lays out: sentences joined by spaces, a blank line and
// the link, then a line of hashtags.
type Input struct {
	Sentences []Sentence
	// Link is the article URL; empty for none.
	Link string
	// Hashtags are written with their "#", best first.
	Hashtags []string
}

// Post is a fitted post ready for a network.
type Post struct {
	Network string
	Text    string
	// Length is Text counted by the network's rules; Limit is the rules'
	// limit (0 for none).
	Length, Limit int
	// Link is the link kept in Text, empty if there was none.
	Link string
	// Hashtags are the hashtags kept in Text, with "#".
	Hashtags []string
	// Facets locate the link and hashtags in Text (Bluesky needs them).
	Facets []Facet
}

// Facet kinds.
const (
	FacetLink = "link"
	FacetTag  = "tag"
)

// Facet locates a link or hashtag in a post's text.
type Facet struct {
	// Start and End are UTF-8 byte offsets into the text, End exclusive.
	Start, End int
	// Kind is FacetLink or FacetTag.
	Kind string
	// Value is the URL, or the tag without "#".
	Value string
}

// Sentinel errors of Fit; callers branch with errors.Is.
var (
	// ErrTooLong means not even the link alone (or, without a link, a
	// single shortened sentence) fits the rules.
	ErrTooLong = errors.New("post does not fit")
	// ErrEmpty means the input has no text, link or hashtags.
	ErrEmpty = errors.New("nothing to post")
)

package bluesky

import (
	"encoding/json"
	"fmt"
	"net/url"
	"time"

	"golang.org/x/text/language"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/teaser/fit"
)

// Collection is the NSID of the records Hookline creates.
const Collection = "app.bsky.feed.post"

// Record is an app.bsky.feed.post record, as much of it as Hookline writes.
type Record struct {
	Type      string    `json:"$type"`
	Text      string    `json:"text"`
	CreatedAt string    `json:"createdAt"`
	Langs     []string  `json:"langs,omitempty"`
	Facets    []Facet   `json:"facets,omitempty"`
	Embed     *External `json:"embed,omitempty"`
}

// Facet is an app.bsky.richtext.facet: a UTF-8 byte range of the text and
// what it is.
type Facet struct {
	Index    ByteSlice `json:"index"`
	Features []Feature `json:"features"`
}

// ByteSlice is app.bsky.richtext.facet#byteSlice: UTF-8 byte offsets, End
// exclusive.
type ByteSlice struct {
	ByteStart int `json:"byteStart"`
	ByteEnd   int `json:"byteEnd"`
}

// Feature is one member of a facet's features union: a link (URI set) or
// a tag (Tag set, without "#").
type Feature struct {
	Type string `json:"$type"`
	URI  string `json:"uri,omitempty"`
	Tag  string `json:"tag,omitempty"`
}

// Feature types.
const (
	FeatureLink = "app.bsky.richtext.facet#link"
	FeatureTag  = "app.bsky.richtext.facet#tag"
)

// External is an app.bsky.embed.external embed: a link card.
type External struct {
	Type     string       `json:"$type"`
	External ExternalCard `json:"external"`
}

// ExternalCard is app.bsky.embed.external#external. Thumb is the blob
// uploadBlob returned, passed on as the PDS wrote it.
type ExternalCard struct {
	URI         string          `json:"uri"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Thumb       json.RawMessage `json:"thumb,omitempty"`
}

// createRecordInput is com.atproto.repo.createRecord's input.
type createRecordInput struct {
	Repo       string `json:"repo"`
	Collection string `json:"collection"`
	Rkey       string `json:"rkey"`
	Validate   *bool  `json:"validate,omitempty"`
	Record     Record `json:"record"`
}

// recordOutput is createRecord's output and getRecord's (Value only there).
type recordOutput struct {
	URI   string          `json:"uri"`
	CID   string          `json:"cid"`
	Value json.RawMessage `json:"value,omitempty"`
}

// BuildRecord returns the record of p: its text, the language (p.Lang,
// dropped when it is no BCP-47 tag), facets for the link and
// each hashtag at their UTF-8 byte offsets, and a link card when p has a
// link. thumb is the card's uploaded image blob, or nil.
func BuildRecord(p publish.Post, at time.Time, thumb json.RawMessage) Record {
	r := Record{
		Type:      Collection,
		Text:      p.Text,
		CreatedAt: at.UTC().Format("2006-01-02T15:04:05.000Z"),
	}
	if l := p.Lang; l != "" {
		if tag, err := language.Parse(l); err == nil {
			r.Langs = []string{tag.String()}
		}
	}
	for _, f := range fit.Facets(p.Text, p.Link, p.Hashtags) {
		switch f.Kind {
		case fit.FacetLink:
			r.Facets = append(r.Facets, Facet{ByteSlice{f.Start, f.End}, []Feature{{Type: FeatureLink, URI: f.Value}}})
		case fit.FacetTag:
			r.Facets = append(r.Facets, Facet{ByteSlice{f.Start, f.End}, []Feature{{Type: FeatureTag, Tag: f.Value}}})
		}
	}
	if p.Link != "" {
		r.Embed = &External{
			Type: "app.bsky.embed.external",
			External: ExternalCard{
				URI:         p.Link,
				Title:       p.Title,
				Description: p.Description,
				Thumb:       thumb,
			},
		}
	}
	return r
}

// checkPost refuses what Bluesky would refuse, before anything is sent.
func checkPost(p publish.Post) error {
	rules := Rules()
	if n := rules.Count(p.Text); n > rules.Limit {
		return fmt.Errorf("post is %d graphemes, over Bluesky's %d: shorten the teaser: %w", n, rules.Limit, publish.ErrInvalid)
	}
	if n := len(p.Text); n > rules.MaxBytes {
		return fmt.Errorf("post is %d bytes, over Bluesky's %d: shorten the teaser: %w", n, rules.MaxBytes, publish.ErrInvalid)
	}
	if p.Text == "" && p.Link == "" {
		return fmt.Errorf("post is empty: %w", publish.ErrInvalid)
	}
	if p.Link != "" {
		u, err := url.Parse(p.Link)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("link %q is not an absolute URL: %w", p.Link, publish.ErrInvalid)
		}
	}
	return nil
}

package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/hookline/hookline/article"
)

// The JSON kept in articles.data and posts.post has a format of its own, set
// by the json tags below (schema 3): renaming a Go field, here or in the
// article package, changes nothing stored, and changing a tag needs a
// migration, as migrate3 moved the untagged JSON of schemas 1 and 2 to this
// one. The columns beside the JSON (an article's id, hash, title, url and
// published; a post's article_id, account and idempotency_key) repeat what
// queries need.

// rowIDPaths are where this format holds the article id, rewritten when an
// article changes id (rekey.go).
var rowIDPaths = idPaths{article: "$.id", post: "$.article_id"}

// articleRow is an article as articles.data holds it.
type articleRow struct {
	ID         string    `json:"id"`
	Source     string    `json:"source"`
	URL        string    `json:"url"`
	Title      string    `json:"title"`
	Hook       string    `json:"hook"`
	Paragraphs []string  `json:"paragraphs"`
	Keywords   []string  `json:"keywords"`
	Image      string    `json:"image"`
	Lang       string    `json:"lang"`
	Published  time.Time `json:"published"`
	Hash       string    `json:"hash"`
	// Schema 4: what the article says about itself (front matter, feed
	// items, page meta). Older rows have none of them: not a draft, no
	// embargo, the written teaser and hashtags.
	Draft    bool      `json:"draft"`
	Embargo  time.Time `json:"embargo"`
	Teaser   string    `json:"teaser"`
	Hashtags []string  `json:"hashtags"`
}

func newArticleRow(a *article.Article) articleRow {
	return articleRow{
		ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Hook: a.Hook, Paragraphs: a.Paragraphs,
		Keywords: a.Keywords, Image: a.Image, Lang: a.Lang, Published: a.Published, Hash: a.Hash,
		Draft: a.Draft, Embargo: a.Embargo, Teaser: a.Teaser, Hashtags: a.Hashtags,
	}
}

func (r articleRow) article() *article.Article {
	return &article.Article{
		ID: r.ID, Source: r.Source, URL: r.URL, Title: r.Title, Hook: r.Hook, Paragraphs: r.Paragraphs,
		Keywords: r.Keywords, Image: r.Image, Lang: r.Lang, Published: r.Published, Hash: r.Hash,
		Draft: r.Draft, Embargo: r.Embargo, Teaser: r.Teaser, Hashtags: r.Hashtags,
	}
}

func encodeArticle(a *article.Article) (string, error) {
	data, err := json.Marshal(newArticleRow(a))
	if err != nil {
		return "", fmt.Errorf("article %s: encode: %w", a.ID, err)
	}
	return string(data), nil
}

func decodeArticle(id, data string) (*article.Article, error) {
	var r articleRow
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		return nil, fmt.Errorf("state: article %s: decode: %w", id, err)
	}
	return r.article(), nil
}

// Post is a post as the store keeps it in posts.post: the exact post that
// was (or will be) sent for one article to one account, so that a resend
// after a crash sends the same text under the same idempotency key. Its json
// tags are the stored format; change one only with a migration. The
// deliver package converts it from and to publish.Post.
type Post struct {
	// Account is the account's name in config.yaml.
	Account string `json:"account"`
	// ArticleID is the stable id of the article the post teases.
	ArticleID string `json:"article_id"`
	// Text is the whole post as fitted for the network.
	Text string `json:"text"`
	// Link is the article URL as it appears in Text; empty for none.
	Link string `json:"link"`
	// Hashtags are the hashtags as they appear in Text, each with its "#".
	Hashtags []string `json:"hashtags"`
	// Lang is the post's language tag; empty for the account's default.
	Lang string `json:"lang"`
	// Title, Description and Image describe the article for link cards.
	Title       string `json:"title"`
	Description string `json:"description"`
	Image       string `json:"image"`
	// IdempotencyKey lets the network recognise a resend as the same post.
	IdempotencyKey string `json:"idempotency_key"`
	// Share is 0 for the article's first post to the account, N for its Nth
	// re-share (schema 4; rows before have none, which reads as 0). With
	// ArticleID and Account it names the row; the posts.share column holds
	// the same and wins when read.
	Share int `json:"share"`
}

func encodePost(p Post) (string, error) {
	data, err := json.Marshal(p)
	if err != nil {
		return "", fmt.Errorf("post %s × %s: encode: %w", p.ArticleID, p.Account, err)
	}
	return string(data), nil
}

// Receipt is what a network returned for a post it accepted. It is kept in
// the posts table's receipt_id, url and posted_at columns.
type Receipt struct {
	// ID is the network's id for the post.
	ID string
	// URL is where a person can see the post; it may be empty.
	URL string
	// At is when the network accepted the post; zero for the time recorded.
	At time.Time
}

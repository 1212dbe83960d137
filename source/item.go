package source

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/hookline/hookline/article"
)

// ErrNoText means a feed item has no title and no text.
var ErrNoText = errors.New("item has no title and no text")

// ItemArticle turns one feed item of the source named source into an
// article: the link is its URL (and so its id; an item without one is known
// by its GUID, see itemID), the content (else the description) its text, the
// categories its keywords, the published (else updated) time its date.
// HTML content goes through article.ParseHTML; when that finds no main
// text, as for a one-paragraph summary, a light conversion keeps the text
// of each block.
func ItemArticle(source string, feed *gofeed.Feed, it *gofeed.Item) (*article.Article, error) {
	link := cleanLink(it.Link)
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	title := oneLine(textOf(it.Title))
	var paras []string
	var a *article.Article
	if strings.Contains(body, "<") {
		var base *url.URL
		if link != "" {
			base, _ = url.Parse(link)
		}
		page := "<!doctype html><html><head><title>" + html.EscapeString(title) + "</title></head><body><article>" + body + "</article></body></html>"
		if pa, err := article.ParseHTML(strings.NewReader(page), base); err == nil {
			a = pa
		}
		if a == nil {
			paras = blocks(body)
		}
	} else {
		paras = splitParas(body)
	}
	if a == nil {
		a = &article.Article{Paragraphs: paras}
	}
	a.Title = title
	a.URL = link
	a.Source = link
	if a.Source == "" && feed != nil {
		a.Source = cleanLink(feed.FeedLink) // a self link may be file: or javascript: too
	}
	a.Keywords = mergeKeywords(it.Categories, a.Keywords)
	if it.Image != nil && a.Image == "" {
		a.Image = cleanLink(it.Image.URL)
	}
	if a.Lang == "" && feed != nil {
		a.Lang = feed.Language
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		a.Published = it.UpdatedParsed.UTC()
	default:
		a.Published = time.Time{}
	}
	if a.Title == "" && len(a.Paragraphs) == 0 {
		return nil, ErrNoText
	}
	if !utf8.ValidString(a.Title) {
		return nil, fmt.Errorf("item title is not valid UTF-8")
	}
	a.Finish()
	if a.ID == "" {
		a.ID = itemID(source, it, a)
	}
	return a, nil
}

// itemID is the ID of a feed item without a usable link: its GUID,
// namespaced by the source; an item without a GUID either has nothing
// stable but its content, so its content hash stands in.
func itemID(source string, it *gofeed.Item, a *article.Article) string {
	if guid := oneLine(it.GUID); guid != "" {
		return article.FeedItemID(source, guid)
	}
	return article.FeedItemID(source, "sha256:"+a.Hash)
}

// cleanLink keeps http and https links only: a javascript: or file: link
// in a hostile feed must not become a post's link.
func cleanLink(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// mergeKeywords returns the feed's categories first, then the rest, each
// once (case-insensitively), without empty ones.
func mergeKeywords(first, rest []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range append(append([]string(nil), first...), rest...) {
		k = oneLine(k)
		if k == "" || seen[strings.ToLower(k)] {
			continue
		}
		seen[strings.ToLower(k)] = true
		out = append(out, k)
	}
	return out
}

// oneLine is article.CleanLine: one line, white space collapsed, invisible
// and bidi control characters dropped.
func oneLine(s string) string { return article.CleanLine(s) }

// textOf strips tags and decodes entities from a short HTML string.
func textOf(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	return strings.Join(blocks(s), " ")
}

func splitParas(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = oneLine(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// blockTags end a paragraph in the light HTML conversion.
var blockTags = map[string]bool{"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true, "tr": true, "section": true, "article": true}

// blocks is the light HTML to text conversion: the text of each block
// element, scripts and styles dropped.
func blocks(s string) []string {
	z := html.NewTokenizer(strings.NewReader(s))
	var (
		out  []string
		cur  strings.Builder
		skip int
	)
	flush := func() {
		if p := oneLine(cur.String()); p != "" {
			out = append(out, p)
		}
		cur.Reset()
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case n == "script" || n == "style":
				skip++
			case blockTags[n]:
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case n == "script" || n == "style":
				skip = max(skip-1, 0)
			case blockTags[n]:
				flush()
			}
		}
	}
}

package source

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

// ShortContent is the length, in characters of text, under which a feed
// item's own text is taken for a summary: with fetch_article: auto its
// page is fetched and read. 600 characters is about four sentences; the
// excerpts feeds cut are 150–500, full content is longer.
const ShortContent = 600

// minBodyWords is the fewest words of whole sentences a feed item's text
// needs to be teased on its own; below it, the item's title leads the text.
const minBodyWords = 8

// retryFailedPage is how long a page whose fetch failed is left alone
// before it is tried again (sooner when the item changes in the feed).
const retryFailedPage = 6 * time.Hour

// maxPagesPerPoll bounds the pages one poll fetches, so that a feed of a
// thousand new items (a large backfill) does not hold its poll for an hour;
// the rest are fetched at the next polls, which read the feed whole.
const maxPagesPerPoll = 20

// errThinPage means a fetched page held no more text than the feed item.
var errThinPage = errors.New("no article text found on the page")

// whole returns the article to store for a feed item read as a: its page
// read with readability when the item's text is short or an excerpt (per
// fetch_article), else its own text without the excerpt's tail. A page
// that cannot be read leaves the item's text (the last page read, when
// there is one); the failure is logged once per item. seenOnly says the
// item is stored seen-only: its page is not fetched until it may be posted.
func (f *Feed) whole(ctx context.Context, a *article.Article, seenOnly bool) (*article.Article, error) {
	mode := cmp.Or(f.cfg.FetchArticle, config.FetchAuto)
	trimmed, cut := article.TrimExcerpt(a.Paragraphs)
	fetch := a.URL != "" && (mode == config.FetchAlways || mode == config.FetchAuto && (cut || textLen(a) < ShortContent))
	if !cut && !fetch {
		return a, nil
	}
	s := f.deps.Store
	stored, seen, firstSeen, err := s.ArticleState(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	if stored && firstSeen.Before(f.wholeSince) {
		// Stored by a build that read items as they were: the same text
		// again, so that an article already posted is not taken for an
		// edit (and posted again under repost_edited).
		return a, nil
	}
	cached, ok, err := s.CachedPage(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	summary := fromSummary(a, trimmed)
	if !fetch || seenOnly || seen {
		if ok && cached.Article != nil {
			return merge(a, cached.Article), nil
		}
		return summary, nil
	}
	if ok && cached.ItemHash == a.Hash {
		if cached.Article != nil {
			return merge(a, cached.Article), nil
		}
		if cached.Error != "" && s.Now().Sub(cached.CheckedAt) < retryFailedPage {
			return summary, nil
		}
	}
	if f.pagesLeft <= 0 {
		f.pagesDeferred = true
		if ok && cached.Article != nil {
			return merge(a, cached.Article), nil
		}
		return summary, nil
	}
	f.pagesLeft--
	return f.fetchPage(ctx, a, cached, summary)
}

// fetchPage fetches and reads a's page, conditionally when a page is
// cached, and caches what it read.
func (f *Feed) fetchPage(ctx context.Context, a *article.Article, cached store.CachedPage, summary *article.Article) (*article.Article, error) {
	opts := f.deps.fetchOptions(f.cfg)
	if cached.Article != nil {
		opts.ETag, opts.LastModified = cached.ETag, cached.LastModified
	}
	row := store.CachedPage{ID: a.ID, URL: a.URL, ETag: cached.ETag, LastModified: cached.LastModified, ItemHash: a.Hash}
	page, err := article.Fetch(ctx, f.deps.Client, a.URL, opts)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var pa *article.Article
	switch {
	case err != nil:
	case page.NotModified && cached.Article != nil:
		pa = cached.Article
	case page.NotModified:
		err = fmt.Errorf("%s: answered 304 to an unconditional request", a.URL)
	default:
		pa, err = readPage(page)
		if err == nil && textLen(pa) <= textLen(summary) {
			pa, err = nil, fmt.Errorf("%s: %w", a.URL, errThinPage)
		}
		row.ETag, row.LastModified = page.ETag, page.LastModified
	}
	if err != nil {
		if cached.Error == "" {
			f.deps.Log.Warn("article page not read; using the feed's text", slog.String("link", a.URL), slog.Any("error", err),
				slog.String("fix", "set fetch_article: never on this source to stop fetching pages"))
		}
		row.Error = oneLine(err.Error())
		if err := f.deps.Store.SaveCachedPage(ctx, row); err != nil {
			return nil, err
		}
		if cached.Article != nil {
			return merge(a, cached.Article), nil
		}
		return summary, nil
	}
	row.Article = pa
	if err := f.deps.Store.SaveCachedPage(ctx, row); err != nil {
		return nil, err
	}
	return merge(a, pa), nil
}

// readPage reads a fetched page: HTML with readability, anything else as
// text or Markdown.
func readPage(page *article.Page) (*article.Article, error) {
	if page.ContentType == "text/html" || page.ContentType == "application/xhtml+xml" || page.ContentType == "" {
		return article.ParseHTML(bytes.NewReader(page.Body), page.URL)
	}
	return article.Parse(path.Base(page.URL.Path), page.Body)
}

// merge returns the item a with the text of its page: the item keeps its
// link (and so its id, whether or not the page could be read), title,
// date and categories; the page gives the body, hook, language and image.
func merge(a, page *article.Article) *article.Article {
	m := *a
	m.Paragraphs = page.Paragraphs
	m.Hook = page.Hook
	m.Title = cmp.Or(a.Title, page.Title)
	m.Lang = cmp.Or(page.Lang, a.Lang)
	m.Image = cmp.Or(a.Image, page.Image)
	m.Keywords = mergeKeywords(a.Keywords, page.Keywords)
	m.Finish()
	return &m
}

// fromSummary returns a with the paragraphs the excerpt kept; when they
// are too thin to tease, the item's title leads them, so the post says
// what the item is about instead of failing or quoting a fragment.
func fromSummary(a *article.Article, trimmed []string) *article.Article {
	m := *a
	m.Paragraphs = trimmed
	words := 0
	for _, p := range trimmed {
		words += len(strings.Fields(p))
	}
	if words < minBodyWords && a.Title != "" {
		m.Paragraphs = append([]string{a.Title}, trimmed...)
	}
	m.Finish()
	return &m
}

// textLen counts the characters of a's hook and body.
func textLen(a *article.Article) int {
	n := utf8.RuneCountInString(a.Hook)
	for _, p := range a.Paragraphs {
		n += utf8.RuneCountInString(p)
	}
	return n
}

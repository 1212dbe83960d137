package source

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"path"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
)

// URLs reads a list of article pages, each with conditional GET, so a page
// is parsed again only when the server says it changed.
type URLs struct {
	cfg  config.Source
	deps Deps
	// validators holds each URL's last ETag and Last-Modified.
	validators map[string][2]string
}

// NewURLs returns the URL-list source for c.
func NewURLs(c config.Source, deps Deps) *URLs {
	return &URLs{cfg: c, deps: deps, validators: map[string][2]string{}}
}

// Name returns the configured name.
func (u *URLs) Name() string { return u.cfg.Name }

// Poll fetches every URL. A page that cannot be fetched or read is logged
// and counted in Failed; the others are stored. It is an error only when
// every page failed.
func (u *URLs) Poll(ctx context.Context) (Stats, error) {
	var (
		st      Stats
		lastErr error
	)
	for _, raw := range u.cfg.URLs {
		a, validators, err := u.fetch(ctx, raw, &st)
		if err != nil {
			st.Failed++
			lastErr = err
			u.deps.Log.Warn("page not read", slog.String("url", raw), slog.Any("error", err))
			continue
		}
		if a == nil {
			continue
		}
		if err := storeArticle(ctx, u.deps, u.cfg.Name, a, false, &st); err != nil {
			return st, err
		}
		// Kept only once stored: after a store fault the page is fetched
		// in full again, not answered 304.
		u.validators[raw] = validators
	}
	if lastErr != nil && st.Failed == len(u.cfg.URLs) {
		return st, fmt.Errorf("source %s: every page failed; last: %w", u.cfg.Name, lastErr)
	}
	return st, nil
}

// fetch returns the article at raw, or nil when it did not change, with
// the answer's validators for the next conditional fetch.
func (u *URLs) fetch(ctx context.Context, raw string, st *Stats) (*article.Article, [2]string, error) {
	opts := u.deps.fetchOptions(u.cfg)
	v := u.validators[raw]
	opts.ETag, opts.LastModified = v[0], v[1]
	page, err := article.Fetch(ctx, u.deps.Client, raw, opts)
	if err != nil {
		return nil, [2]string{}, err
	}
	if page.NotModified {
		st.Unchanged++
		return nil, [2]string{}, nil
	}
	var a *article.Article
	switch page.ContentType {
	case "text/html", "application/xhtml+xml":
		a, err = article.ParseHTML(bytes.NewReader(page.Body), page.URL)
	default:
		a, err = article.Parse(path.Base(page.URL.Path), page.Body)
	}
	if err != nil {
		return nil, [2]string{}, fmt.Errorf("%s: %w", raw, err)
	}
	if a.URL == "" {
		a.URL = page.URL.String()
		a.Finish()
	}
	a.Source = raw
	return a, [2]string{page.ETag, page.LastModified}, nil
}

// Package source reads articles from the places config.yaml names — folders
// of article files, RSS/Atom/JSON feeds and lists of URLs — and stores them
// in the state store, where schedules pick them up.
package source

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

// Source is one configured source. Poll reads it once and stores what is
// new or changed; it is called by one goroutine at a time.
type Source interface {
	Name() string
	Poll(ctx context.Context) (Stats, error)
}

// Stats counts what one poll found.
type Stats struct {
	// New, Changed and Unchanged count articles by what the store made of them.
	New, Changed, Unchanged int
	// SeenOnly counts new articles stored as seen but never to be posted
	// (a new feed's back catalogue).
	SeenOnly int
	// Failed counts documents that could not be read; each was logged.
	Failed int
	// NotModified is set when a feed answered 304.
	NotModified bool
}

func (s *Stats) add(r store.UpsertResult, seenOnly bool) {
	switch r {
	case store.New:
		s.New++
		if seenOnly {
			s.SeenOnly++
		}
	case store.Changed:
		s.Changed++
	default:
		s.Unchanged++
	}
}

// Deps are what sources share.
type Deps struct {
	// Store keeps the articles and feed state. Required.
	Store *store.Store
	// Client fetches feeds and pages; nil builds article.NewClient with the
	// source's allow_private.
	Client *http.Client
	// Log receives one record per problem; nil discards.
	Log *slog.Logger
	// MaxBytes caps one file, feed or page. Defaults to article.DefaultMaxBytes (10 MB).
	MaxBytes int64
	// Timeout bounds one fetch. Defaults to article.DefaultTimeout (15 s).
	Timeout time.Duration
	// MaxItems caps the items read from one feed document. Defaults to 1000.
	MaxItems int
}

func (d Deps) log() *slog.Logger {
	if d.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return d.Log
}

func (d Deps) fetchOptions(c config.Source) article.FetchOptions {
	return article.FetchOptions{MaxBytes: d.MaxBytes, Timeout: d.Timeout, AllowPrivate: c.AllowPrivate}
}

// New returns the source for c: one explicit switch on its kind.
func New(c config.Source, deps Deps) (Source, error) {
	if deps.Store == nil {
		return nil, fmt.Errorf("source %s: no state store", c.Name)
	}
	deps.Log = deps.log().With(slog.String("source", c.Name))
	var src Source
	switch c.Kind {
	case config.SourceFolder:
		src = NewFolder(c, deps)
	case config.SourceFeed:
		src = NewFeed(c, deps)
	case config.SourceURLs:
		src = NewURLs(c, deps)
	default:
		return nil, fmt.Errorf("source %s: unknown kind %q; use folder, feed or urls", c.Name, c.Kind)
	}
	return recorded{Source: src, deps: deps}, nil
}

// recorded records each poll's time and error in the store, for
// `hookline sources`.
type recorded struct {
	Source
	deps Deps
}

// Poll polls the source and records the outcome; a poll cut short by ctx
// is not recorded.
func (r recorded) Poll(ctx context.Context) (Stats, error) {
	st, err := r.Source.Poll(ctx)
	if ctx.Err() != nil {
		return st, err
	}
	if rerr := r.deps.Store.RecordPoll(ctx, r.Name(), err); rerr != nil {
		r.deps.Log.Warn("poll not recorded", slog.Any("error", rerr))
	}
	return st, err
}

// store upserts a, counting it in st.
func storeArticle(ctx context.Context, deps Deps, name string, a *article.Article, seenOnly bool, st *Stats) error {
	r, err := deps.Store.UpsertArticle(ctx, name, a, seenOnly)
	if err != nil {
		return err
	}
	st.add(r, seenOnly)
	if r != store.Unchanged {
		deps.Log.Debug("article stored", slog.String("article_id", a.ID), slog.String("result", r.String()),
			slog.Bool("seen_only", seenOnly && r == store.New))
	}
	return nil
}

package source

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
)

// feedAccept is the Accept header of feed requests.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"

// Feed reads an RSS, Atom or JSON feed with conditional GET: the ETag and
// Last-Modified of the last answer are sent back, and a 304 means nothing
// new. On a feed's first successful poll its items are stored seen-only
// (never posted), except the newest Backfill of them.
type Feed struct {
	cfg  config.Source
	deps Deps
	// wholeSince is when this feed was first polled by a build that reads
	// items whole (see whole); set by Poll.
	wholeSince time.Time
	// pagesLeft counts the pages this poll may still fetch; pagesDeferred
	// is set when an item's page was left for a later poll.
	pagesLeft     int
	pagesDeferred bool
}

// NewFeed returns the feed source for c.
func NewFeed(c config.Source, deps Deps) *Feed { return &Feed{cfg: c, deps: deps} }

// Name returns the configured name.
func (f *Feed) Name() string { return f.cfg.Name }

// Poll fetches the feed and stores its items.
func (f *Feed) Poll(ctx context.Context) (Stats, error) {
	var st Stats
	s := f.deps.Store
	first, err := s.FirstPolled(ctx, f.cfg.Name)
	if err != nil {
		return st, err
	}
	etag, lastMod, err := s.FeedState(ctx, f.cfg.Name)
	if err != nil {
		return st, err
	}
	if f.wholeSince.IsZero() { // written once, at the first poll; read once
		if f.wholeSince, err = s.WholeSince(ctx, f.cfg.Name); err != nil {
			return st, err
		}
	}
	f.pagesLeft, f.pagesDeferred = maxPagesPerPoll, false
	if !first.IsZero() {
		released, err := f.raiseBackfill(ctx)
		if err != nil {
			return st, err
		}
		if released > 0 {
			etag, lastMod = "", "" // read the feed whole, to fetch the released items' pages
		}
	}
	opts := f.deps.fetchOptions(f.cfg)
	opts.Accept = feedAccept
	opts.ETag, opts.LastModified = etag, lastMod
	page, err := article.Fetch(ctx, f.deps.Client, f.cfg.URL, opts)
	if err != nil {
		return st, fmt.Errorf("source %s: %w", f.cfg.Name, err)
	}
	if page.NotModified {
		st.NotModified = true
		return st, nil
	}
	// One bad byte must not cost the whole feed: the XML decoder refuses
	// invalid UTF-8, so it is replaced before parsing.
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(bytes.ToValidUTF8(page.Body, []byte("\uFFFD"))))
	if err != nil {
		return st, fmt.Errorf("source %s: feed %s: %w", f.cfg.Name, f.cfg.URL, err)
	}
	arts := f.articles(feed, &st)
	// Newest first, so that the back catalogue of a new feed keeps only
	// the newest Backfill items postable whatever the feed's own order.
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Published.After(arts[j].Published) })
	for i, a := range arts {
		seenOnly := first.IsZero() && i >= f.cfg.Backfill
		a, err := f.whole(ctx, a, seenOnly)
		if err != nil {
			return st, err
		}
		if err := storeArticle(ctx, f.deps, f.cfg.Name, a, seenOnly, &st); err != nil {
			return st, err
		}
	}
	// Saved last: a poll that failed half-way is repeated in full, and a
	// first poll stays the first until it succeeds.
	if f.pagesDeferred {
		page.ETag, page.LastModified = "", "" // the next poll reads the feed whole, to fetch the pages left
	}
	if err := s.SetFeedState(ctx, f.cfg.Name, page.ETag, page.LastModified); err != nil {
		return st, err
	}
	if first.IsZero() {
		if err := s.SetAppliedBackfill(ctx, f.cfg.Name, f.cfg.Backfill); err != nil {
			return st, err
		}
		f.explainFirstPoll(st)
	}
	return st, nil
}

// explainFirstPoll logs what a new feed's first poll did with its back
// catalogue, and how to post some of it.
func (f *Feed) explainFirstPoll(st Stats) {
	if st.SeenOnly == 0 {
		f.deps.Log.Info("new feed: every item may be posted", slog.Int("items", st.New), slog.Int("backfill", f.cfg.Backfill))
		return
	}
	f.deps.Log.Info("new feed: its existing items were marked seen and will not be posted; new items will",
		slog.Int("seen", st.SeenOnly), slog.Int("postable", st.New-st.SeenOnly), slog.Int("backfill", f.cfg.Backfill),
		slog.String("fix", fmt.Sprintf("to post the newest N of them, set backfill: N on source %s in config.yaml or run hookline sources backfill %s N",
			f.cfg.Name, f.cfg.Name)))
}

// raiseBackfill applies a backfill raised since the feed's first poll: the
// newest of its items marked seen become postable, as many as it was
// raised by. It returns how many.
func (f *Feed) raiseBackfill(ctx context.Context) (int, error) {
	s := f.deps.Store
	applied, known, err := s.AppliedBackfill(ctx, f.cfg.Name)
	if err != nil {
		return 0, err
	}
	if known && f.cfg.Backfill <= applied {
		if f.cfg.Backfill < applied {
			return 0, s.SetAppliedBackfill(ctx, f.cfg.Name, f.cfg.Backfill)
		}
		return 0, nil
	}
	released := 0
	if known {
		if released, err = s.Backfill(ctx, f.cfg.Name, f.cfg.Backfill-applied); err != nil {
			return 0, err
		}
		f.deps.Log.Info("backfill raised: items marked seen may now be posted", slog.Int("released", released),
			slog.Int("from", applied), slog.Int("to", f.cfg.Backfill))
	}
	// A feed first polled by an older build had its backfill applied then.
	return released, s.SetAppliedBackfill(ctx, f.cfg.Name, f.cfg.Backfill)
}

func (f *Feed) articles(feed *gofeed.Feed, st *Stats) []*article.Article {
	items := feed.Items
	if max := cmp.Or(f.deps.MaxItems, 1000); len(items) > max {
		f.deps.Log.Warn("feed has too many items; reading the first ones", slog.Int("items", len(items)), slog.Int("max_items", max))
		items = items[:max]
	}
	arts := make([]*article.Article, 0, len(items))
	for i, it := range items {
		a, err := ItemArticle(f.cfg.Name, feed, it)
		if err != nil {
			st.Failed++
			f.deps.Log.Warn("feed item not read", slog.Int("item", i), slog.String("link", it.Link), slog.Any("error", err))
			continue
		}
		arts = append(arts, a)
	}
	return arts
}

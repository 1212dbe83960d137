package web

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/review"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/teaser"
)

// queueData is the queue page: the posts not yet done, per schedule.
type queueData struct {
	page
	Groups []group
	// Count is the posts not yet done; Shown how many have a card (the
	// soonest, at most Limit); More links to the next Limit.
	Count, Shown int
	More         string
}

// queueCardsShown is how many cards the queue page shows at first; a
// link shows more. A person reviews the soonest; a thousand cards on a
// phone help no one.
const queueCardsShown = 100

type group struct {
	Schedule string
	Next     string
	Cards    []*card
}

// queueCards reads the queue and builds its cards, soonest first.
func (s *Server) queueCards(r *http.Request, cfg *config.Config, sess *session, loc *time.Location) ([]*card, map[string]time.Time, error) {
	ctx := r.Context()
	recs, err := s.Store.Queue(ctx, store.QueueFilter{})
	if err != nil {
		return nil, nil, err
	}
	return s.cards(ctx, cfg, recs, sess, loc)
}

// cards builds the cards of recs, each with the next fire of its
// schedule, and returns those fire times by schedule.
func (s *Server) cards(ctx context.Context, cfg *config.Config, recs []store.PostRecord, sess *session, loc *time.Location) ([]*card, map[string]time.Time, error) {
	now := s.now()
	items, err := review.Items(ctx, cfg, s.Store, recs, now)
	if err != nil {
		return nil, nil, err
	}
	next, err := review.NextFires(cfg, now)
	if err != nil {
		return nil, nil, err
	}
	cards := make([]*card, len(items))
	for i := range items {
		cards[i] = s.newCard(cfg, &items[i], next, loc, sess)
	}
	return cards, next, nil
}

func (s *Server) queuePage(w http.ResponseWriter, r *http.Request, sess *session) {
	cfg := s.Config()
	loc := location(cfg)
	cards, next, err := s.queueCards(r, cfg, sess, loc)
	if err != nil {
		s.fail(w, "read the queue", err)
		return
	}
	d := queueData{page: s.page(r, sess, "Queue", "queue", loc), Count: len(cards)}
	limit := queueCardsShown
	if n, err := strconv.Atoi(r.URL.Query().Get("show")); err == nil && n > 0 {
		limit = n
	}
	if len(cards) > limit {
		cards = cards[:limit]
		d.More = fmt.Sprintf("%s/?show=%d", s.BasePath, limit+queueCardsShown)
	}
	d.Shown = len(cards)
	at := map[string]int{}
	for _, c := range cards {
		i, ok := at[c.Schedule]
		if !ok {
			i = len(d.Groups)
			at[c.Schedule] = i
			g := group{Schedule: cmp.Or(c.Schedule, "made by hand")}
			if t, ok := next[c.Schedule]; ok {
				g.Next = t.In(loc).Format("Mon 2 Jan 15:04")
			}
			d.Groups = append(d.Groups, g)
		}
		d.Groups[i].Cards = append(d.Groups[i].Cards, c)
	}
	s.render(w, r, http.StatusOK, "queue", &d)
}

// weekData is the queue as a week: a column a day from today, each post at
// its time.
type weekData struct {
	page
	Days []day
	// Waiting are posts with no time (held, or waiting with no schedule);
	// Later those after the week.
	Waiting []*card
	Later   int
	// MoreWaiting counts the waiting posts beyond those shown, which the
	// queue page lists.
	MoreWaiting int
}

type day struct {
	Name, Date string
	Today      bool
	Cards      []*card
	// More counts the day's posts beyond the weekSlotsPerDay shown.
	More int
}

// weekSlotsPerDay is how many posts a day's column shows; the queue page
// lists them all.
const weekSlotsPerDay = 50

func (s *Server) weekPage(w http.ResponseWriter, r *http.Request, sess *session) {
	cfg := s.Config()
	loc := location(cfg)
	cards, next, err := s.queueCards(r, cfg, sess, loc)
	if err != nil {
		s.fail(w, "read the queue", err)
		return
	}
	now := s.now().In(loc)
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	d := weekData{page: s.page(r, sess, "Week", "week", loc)}
	for i := range 7 {
		t := start.AddDate(0, 0, i)
		d.Days = append(d.Days, day{Name: t.Format("Mon"), Date: t.Format("2 Jan"), Today: i == 0})
	}
	for _, c := range cards {
		at := c.Item.At
		if at.IsZero() && c.Tentative {
			at = next[c.Schedule]
		}
		if at.IsZero() {
			d.Waiting = append(d.Waiting, c)
			continue
		}
		at = at.In(loc)
		i := int(time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, loc).Sub(start).Hours()+12) / 24
		switch {
		case i < 0:
			i = 0 // overdue: it goes out at the next pass, today
		case i >= 7:
			d.Later++
			continue
		}
		c.At = at.Format("15:04") // the column says the day
		d.Days[i].Cards = append(d.Days[i].Cards, c)
	}
	for i := range d.Days {
		slices.SortStableFunc(d.Days[i].Cards, func(a, b *card) int { return cmp.Compare(a.At, b.At) })
		if n := len(d.Days[i].Cards); n > weekSlotsPerDay {
			d.Days[i].Cards, d.Days[i].More = d.Days[i].Cards[:weekSlotsPerDay], n-weekSlotsPerDay
		}
	}
	if n := len(d.Waiting); n > queueCardsShown {
		d.Waiting, d.MoreWaiting = d.Waiting[:queueCardsShown], n-queueCardsShown
	}
	s.render(w, r, http.StatusOK, "week", &d)
}

// historyData is the history page with its filter.
type historyData struct {
	page
	Accounts []string
	States   []store.State
	Account  string
	State    string
	Article  string
	Rows     []historyRow
}

type historyRow struct {
	ID, When, Account, State, Title, ArticleID, Text, URL, Error, Hint string
	Attempts                                                           int
	Actions                                                            []string
}

// historyStates are the states the filter offers.
var historyStates = []store.State{store.Posted, store.Failed, store.Skipped, store.Review, store.Approved, store.Held,
	store.Pending, store.Posting}

func (s *Server) historyPage(w http.ResponseWriter, r *http.Request, sess *session) {
	cfg := s.Config()
	loc := location(cfg)
	q := r.URL.Query()
	f := store.HistoryFilter{Account: q.Get("account"), State: store.State(q.Get("state")), ArticleID: q.Get("article"), Limit: 200}
	recs, err := s.Store.History(r.Context(), f)
	if err != nil {
		s.fail(w, "read history", err)
		return
	}
	d := historyData{page: s.page(r, sess, "History", "history", loc), States: historyStates,
		Account: f.Account, State: string(f.State), Article: f.ArticleID}
	for _, a := range cfg.Networks {
		d.Accounts = append(d.Accounts, a.Name)
	}
	for _, rec := range recs {
		row := historyRow{ID: store.FormatID(rec.ID), When: rec.Time().In(loc).Format("2006-01-02 15:04"), Account: rec.Account,
			State: string(rec.State), Title: cmp.Or(rec.Title, rec.ArticleID), ArticleID: rec.ArticleID, Text: rec.Post.Text,
			URL: rec.URL, Error: rec.LastError, Attempts: rec.Attempts, Hint: hint(&rec, loc)}
		if rec.State == store.Failed {
			row.Actions = actions[store.Failed]
		}
		d.Rows = append(d.Rows, row)
	}
	s.render(w, r, http.StatusOK, "history", &d)
}

// articleData is one article: its teaser, its variants to choose from for
// each post that can still change, and its posts.
type articleData struct {
	page
	ID, Title, URL, Teaser string
	Hashtags               []string
	Variants               []variant
	Cards                  []*card
}

type variant struct {
	N      int
	Teaser string
	// Uses are the variant's text fitted to each post that can be edited.
	Uses []use
}

type use struct {
	PostID, Account, Text string
	Length, Limit         int
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request, sess *session) {
	ctx := r.Context()
	cfg := s.Config()
	loc := location(cfg)
	id := r.URL.Query().Get("id")
	a, err := s.Store.Article(ctx, id)
	if err != nil {
		http.Error(w, "article "+id+" not found; open it from the queue or history", http.StatusNotFound)
		return
	}
	recs, err := s.Store.History(ctx, store.HistoryFilter{ArticleID: a.ID, Limit: 100})
	if err != nil {
		s.fail(w, "read the article's posts", err)
		return
	}
	cards, _, err := s.cards(ctx, cfg, recs, sess, loc)
	if err != nil {
		s.fail(w, "read the article's posts", err)
		return
	}
	d := articleData{page: s.page(r, sess, a.Title, "", loc), ID: a.ID, Title: cmp.Or(a.Title, a.ID), URL: a.URL, Cards: cards}
	d.Teaser, d.Hashtags, d.Variants = s.variants(r, cfg, a, d.Cards)
	s.render(w, r, http.StatusOK, "article", &d)
}

// variants writes the article's teaser variants, each fitted to every
// editable post's account as networks.PostFor does at a fire, so choosing
// one is an edit with that text.
func (s *Server) variants(r *http.Request, cfg *config.Config, a *article.Article, cards []*card) (string, []string, []variant) {
	var accts []config.Account
	for _, c := range cards {
		if acct, ok := cfg.Account(c.Account); ok {
			accts = append(accts, acct)
		}
	}
	opts := networks.TeaserOptions(accts, cfg.Teaser)
	var (
		out  []variant
		best string
		tags []string
		seen = map[string]bool{}
	)
	for n := 1; n <= teaser.Variants; n++ {
		opts.Variant = n
		res, err := teaser.Compose(a, opts)
		if err != nil {
			break
		}
		text := res.Teaser.String()
		if n == 1 {
			best, tags = text, res.Hashtags
		}
		if seen[text] {
			continue
		}
		seen[text] = true
		v := variant{N: n, Teaser: text}
		for _, c := range cards {
			acct, ok := cfg.Account(c.Account)
			if !c.Editable || !ok {
				continue
			}
			dr, err := networks.PostFor(r.Context(), acct, nil, res, cfg.Teaser, deliver.Key(a.ID, acct.Name))
			if err != nil {
				continue
			}
			v.Uses = append(v.Uses, use{PostID: c.ID, Account: c.Account, Text: dr.Text, Length: dr.Length, Limit: dr.Limit})
		}
		out = append(out, v)
	}
	return best, tags, out
}

// fail answers a page that could not be read, logged once here.
func (s *Server) fail(w http.ResponseWriter, what string, err error) {
	s.log().Error("web: "+what, "error", err)
	http.Error(w, what+": "+err.Error(), http.StatusInternalServerError)
}

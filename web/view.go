package web

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/review"
	"github.com/hookline/hookline/store"
)

// card is one post as the page shows it: a preview of what the network
// will show, its length against the limit, and the actions its state
// allows.
type card struct {
	*review.Item
	Kind string
	// At is when it goes out, in the config's timezone ("" for no time);
	// Tentative marks the next fire of a post still waiting for approval.
	At        string
	Tentative bool
	Over      bool
	Hashtags  []string
	// LinkCard is the preview card the network shows for the link; nil
	// where it shows none (an outbox) or the post has no link.
	LinkCard *linkCard
	Actions  []string
	Editable bool
	// Draft is a refused edit's text to fix; Open opens the edit form.
	Draft string
	Open  bool
	Hint  string
}

type linkCard struct {
	Title, Description, Host string
}

// actions lists what a person can do to a post in each state, in the order
// the buttons show. Edit is offered apart (store.PostRecord.Editable).
var actions = map[store.State][]string{
	store.Review:   {"approve", "now", "hold", "skip"},
	store.Held:     {"approve", "now", "skip"},
	store.Approved: {"now", "hold", "skip"},
	store.Failed:   {"retry", "hold", "skip"},
	store.Pending:  {"hold", "skip"},
}

// actionLabels are the buttons' words.
var actionLabels = map[string]string{
	"approve": "Approve", "now": "Post now", "hold": "Hold", "skip": "Skip", "retry": "Retry", "edit": "Save text",
}

// hints say what to do about a post in a state, on history and the queue.
func hint(r *store.PostRecord, loc *time.Location) string {
	switch r.State {
	case store.Failed:
		if !r.NextAttempt.IsZero() {
			return "Retried on its own at " + r.NextAttempt.In(loc).Format("Mon 2 Jan 15:04") + "; Retry sends it now with the same key."
		}
		return "Failed for good: fix what the error says (credentials, limit, the network's answer), then Retry; or Skip it."
	case store.Held:
		return "Held: nothing goes out until you approve it."
	case store.Review:
		return "Waiting for you: approve, edit, hold or skip."
	case store.Skipped:
		return "Skipped: it will not go out."
	case store.Posting:
		return "Being sent now; it goes out once."
	}
	return ""
}

func (s *Server) newCard(cfg *config.Config, it *review.Item, next map[string]time.Time, loc *time.Location, sess *session) *card {
	r := &it.Record
	c := &card{Item: it, Over: it.Limit > 0 && it.Length > it.Limit, Hashtags: r.Post.Hashtags, Actions: actions[r.State], Hint: hint(r, loc)}
	if a, ok := cfg.Account(r.Account); ok {
		c.Kind = a.Kind
	}
	at := it.At
	if at.IsZero() && (r.State == store.Review || r.State == store.Held) {
		at, c.Tentative = next[r.Schedule], !next[r.Schedule].IsZero()
	}
	if !at.IsZero() {
		c.At = at.In(loc).Format("Mon 2 Jan 15:04")
	}
	if l := r.Post.Link; l != "" && networks.ShowsLinkCard(config.Account{Kind: c.Kind}) {
		host := l
		if u, err := url.Parse(l); err == nil {
			host = strings.TrimPrefix(u.Host, "www.")
		}
		c.LinkCard = &linkCard{Title: cmp.Or(r.Post.Title, r.Title), Description: r.Post.Description, Host: host}
	}
	c.Editable = r.Editable()
	if sess != nil {
		s.sessions.with(sess, func(se *session) {
			if d, ok := se.drafts[r.ID]; ok {
				c.Draft, c.Open = d, true
			}
		})
	}
	if c.Draft == "" {
		c.Draft = r.Post.Text
	}
	return c
}

// page is what every page's layout needs.
type page struct {
	Base, CSRF, Title, Nav string
	// Signed is true on the pages of a signed-in session (the menu shows).
	Signed bool
	// Back is this page's path and query, where an action returns.
	Back     string
	Flash    string
	FlashErr bool
	Zone     string
}

func (s *Server) page(r *http.Request, sess *session, title, nav string, loc *time.Location) page {
	p := page{Base: s.BasePath, Title: title, Nav: nav, Back: r.URL.RequestURI(), Zone: loc.String(), Signed: true}
	if sess != nil {
		s.sessions.with(sess, func(se *session) {
			p.CSRF, p.Flash, p.FlashErr = se.csrf, se.flash, se.flashErr
			se.flash, se.flashErr = "", false
		})
	}
	return p
}

var funcs = template.FuncMap{
	"label": func(a string) string { return actionLabels[a] },
	"view":  func(p *page, c *card) cardView { return cardView{p, c} },
}

func location(cfg *config.Config) *time.Location {
	if loc, err := time.LoadLocation(cfg.Timezone); err == nil {
		return loc
	}
	return time.Local
}

// Self returns the page, for templates that hand it to the card template.
func (p *page) Self() *page { return p }

// cardView is what the card template gets: the page (for the CSRF token
// and the way back) and the card.
type cardView struct {
	P *page
	C *card
}

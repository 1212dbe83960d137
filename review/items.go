package review

import (
	"context"
	"sort"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/schedule"
	"github.com/hookline/hookline/store"
)

// Item is one post of the queue with when it goes out and its length, as
// hookline queue --format json prints it (these tags are its output).
type Item struct {
	ID        string    `json:"id"`
	State     string    `json:"state"`
	At        time.Time `json:"at,omitzero"`
	When      string    `json:"when"`
	Schedule  string    `json:"schedule"`
	Account   string    `json:"account"`
	ArticleID string    `json:"article_id"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Length    int       `json:"length"`
	Limit     int       `json:"limit"`
	Share     int       `json:"share"`
	Edited    bool      `json:"edited"`
	LastError string    `json:"last_error,omitempty"`
	// Record is the stored row, for pages that show more of it.
	Record store.PostRecord `json:"-"`
}

// Items says when each post of recs goes out at now (the next fire of its
// schedule for an approved post, its retry for a failed one, its automatic
// approval) and counts its text as its account's network does, soonest
// first; posts waiting for a person come after those with a time. The
// limits are what the accounts' publishers learned and left in cache (a
// Mastodon instance's), else their kinds' defaults.
func Items(ctx context.Context, cfg *config.Config, cache networks.LimitsCache, recs []store.PostRecord, now time.Time) ([]Item, error) {
	next, err := NextFires(cfg, now)
	if err != nil {
		return nil, err
	}
	type counter func(string) int
	counters := map[string]counter{}
	limits := map[string]int{}
	for _, a := range cfg.Networks {
		if rules, err := networks.CachedRules(ctx, a, cache); err == nil {
			counters[a.Name], limits[a.Name] = rules.Count, rules.Limit
		}
	}
	items := make([]Item, 0, len(recs))
	for _, r := range recs {
		it := Item{ID: store.FormatID(r.ID), State: string(r.State), Schedule: r.Schedule, Account: r.Account,
			ArticleID: r.ArticleID, Title: r.Title, Text: r.Post.Text, Share: r.Share, Edited: !r.EditedAt.IsZero(),
			LastError: r.LastError, Record: r}
		if count, ok := counters[r.Account]; ok {
			it.Length, it.Limit = count(r.Post.Text), limits[r.Account]
		}
		fire, hasFire := next[r.Schedule]
		switch r.State {
		case store.Posting:
			it.At, it.When = r.ClaimedAt, "being sent"
		case store.Approved:
			it.When = "at the next fire"
			if hasFire {
				it.At = fire
			} else {
				it.When = "with hookline approve --now (no schedule " + r.Schedule + ")"
			}
		case store.Review:
			it.When = "after approval"
			if !r.AutoApproveAt.IsZero() {
				it.When = "approved on its own at " + r.AutoApproveAt.Local().Format(time.DateTime) + " unless held"
				it.At = r.AutoApproveAt
				if hasFire && fire.After(r.AutoApproveAt) {
					it.At = fire
				}
			}
		case store.Held:
			it.When = "held until approved"
		case store.Failed:
			it.When = "failed for good; hookline retry " + it.ID
			if !r.NextAttempt.IsZero() {
				it.At, it.When = r.NextAttempt, "retried"
			}
		default:
			it.When = "at the next fire"
			it.At = fire
		}
		items = append(items, it)
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].At, items[j].At
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
	return items, nil
}

// NextFires returns the next fire after now of each schedule of cfg, by
// name.
func NextFires(cfg *config.Config, now time.Time) (map[string]time.Time, error) {
	jobs, err := schedule.Jobs(cfg)
	if err != nil {
		return nil, err
	}
	next := map[string]time.Time{}
	for _, j := range jobs {
		if ts := schedule.NextN(j.Schedule, now, 1); len(ts) > 0 {
			next[j.Name()] = ts[0]
		}
	}
	return next, nil
}

package schedule

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/teaser"
)

// FireReport is what one fire of a schedule did.
type FireReport struct {
	Schedule string
	// Due is the cron time of the fire; Started and Finished frame it.
	Due, Started, Finished time.Time
	// Skipped says why the fire posted nothing on purpose: quiet hours, or
	// the previous run still going. Empty when it ran.
	Skipped string
	// Results has one entry per post attempted.
	Results []deliver.Result
	// Errors are accounts or articles that could not be prepared.
	Errors []error
	// Proposed are the posts this fire wrote and stored for review
	// (review: approve); they go out once approved.
	Proposed []store.PostRecord
}

// Posted counts the results that ended posted now (not skips).
func (r FireReport) Posted() int {
	n := 0
	for _, res := range r.Results {
		if res.Err == nil && !res.Skipped && res.State == store.Posted {
			n++
		}
	}
	return n
}

// fire posts up to per_run candidates to each account of job, concurrently
// and exactly once, then records the run.
func (d *Daemon) fire(ctx context.Context, p *plan, job *Job, due time.Time) FireReport {
	now := d.clock().Now()
	rep := FireReport{Schedule: job.Name(), Due: due, Started: now}
	log := d.log().With(slog.String("schedule", job.Name()))
	// Posts approved since the last fire (or approved on their own now)
	// go out first, as stored: a person's edit is what is sent.
	approved, err := d.approved(ctx, job, now)
	if err != nil {
		rep.Errors = append(rep.Errors, err)
	}
	jobs, props, errs := d.prepare(ctx, p, job, now)
	rep.Errors = append(rep.Errors, errs...)
	for _, err := range rep.Errors {
		log.Error("post not prepared", slog.Any("error", err))
	}
	if len(approved) > 0 {
		rep.Results = d.deliverer().SendStored(ctx, approved, p.pubs, false)
	}
	rep.Results = append(rep.Results, d.deliverer().Deliver(ctx, jobs)...)
	if len(props) > 0 {
		recs, err := d.Store.Propose(ctx, now, props)
		if err != nil {
			rep.Errors = append(rep.Errors, err)
			log.Error("posts for review not stored", slog.Any("error", err))
		}
		rep.Proposed = recs
		for _, r := range recs {
			log.Info("post awaits review", slog.String("id", store.FormatID(r.ID)), slog.String("account", r.Account),
				slog.String("article_id", r.ArticleID))
		}
	}
	if err := d.Store.SetLastRun(context.WithoutCancel(ctx), job.Name(), now); err != nil {
		rep.Errors = append(rep.Errors, err)
		log.Error("last run not recorded", slog.Any("error", err))
	}
	rep.Finished = d.clock().Now()
	d.metrics().fired(rep)
	log.Info("schedule fired", slog.Int("posts", len(jobs)), slog.Int("posted", rep.Posted()),
		slog.Int("errors", rep.Failed()), slog.Duration("late", now.Sub(due)))
	return rep
}

// approved auto-approves the posts under review whose time has come and
// returns job's approved posts.
func (d *Daemon) approved(ctx context.Context, job *Job, now time.Time) ([]store.PostRecord, error) {
	if _, err := d.Store.AutoApprove(ctx, now); err != nil {
		return nil, err
	}
	return d.Store.Approved(ctx, job.Name())
}

// reviewed reports whether acct's posts from job wait for a person: the
// account's review, else the schedule's.
func reviewed(job *Job, acct config.Account) bool {
	return cmp.Or(acct.Review, job.Config.Review) == config.ReviewApprove
}

// prepare builds each account's posts: candidates from the store, the
// teaser of each, fitted to the account (networks.PostFor, as hookline post
// does). Posts to an account under review are returned as proposals, to
// store, not send.
func (d *Daemon) prepare(ctx context.Context, p *plan, job *Job, now time.Time) ([]deliver.Job, []store.Proposal, []error) {
	var (
		jobs  []deliver.Job
		props []store.Proposal
		errs  []error
	)
	results := map[string]teaser.Result{}
	opts := networks.TeaserOptions(job.Accounts, p.cfg.Teaser)
	for _, acct := range job.Accounts {
		pub := p.pubs[acct.Name]
		if pub == nil {
			errs = append(errs, fmt.Errorf("%s: %w", acct.Name, p.openErr[acct.Name]))
			continue
		}
		if _, err := networks.Rules(ctx, acct, pub); err != nil {
			errs = append(errs, err) // transient (instance unreachable): try next fire
			continue
		}
		cands, err := d.candidates(ctx, job, acct.Name, now)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", acct.Name, err))
			continue
		}
		for _, c := range cands {
			key := deliver.Key(c.a.ID, acct.Name)
			res, ok := results[c.a.ID]
			if !ok {
				if res, err = teaser.Compose(c.a, opts); err != nil {
					errs = append(errs, d.skip(ctx, acct.Name, c.a, key, "teaser: "+err.Error(), now))
					continue
				}
				results[c.a.ID] = res
			}
			draft, err := networks.PostFor(ctx, acct, pub, res, p.cfg.Teaser, key)
			if err != nil {
				errs = append(errs, d.skip(ctx, acct.Name, c.a, key, err.Error(), now))
				continue
			}
			if reviewed(job, acct) {
				// An edited article reposted under review is a post of its
				// own, with a key of its own, waiting like any other.
				share := 0
				if c.repost {
					next, err := d.Store.NextShare(ctx, c.a.ID, acct.Name)
					if err != nil {
						errs = append(errs, err)
						continue
					}
					share = next.Share
					draft.IdempotencyKey = deliver.ReshareKey(c.a.ID, acct.Name, share)
				}
				props = append(props, proposal(job, draft.Post, share, now))
				continue
			}
			jobs = append(jobs, deliver.Job{Post: draft.Post, Publisher: pub, RepostEdited: c.repost})
		}
		rj, rp, rerrs := d.reshares(ctx, p, job, acct, pub, opts, now)
		jobs, props, errs = append(jobs, rj...), append(props, rp...), append(errs, rerrs...)
	}
	return jobs, props, errs
}

// proposal is post stored for review by job's fire at now.
func proposal(job *Job, post publish.Post, share int, now time.Time) store.Proposal {
	pr := store.Proposal{Post: deliver.StoredPost(post, share), Schedule: job.Name()}
	if after := job.Config.AutoApproveAfter; after > 0 {
		pr.AutoApproveAt = now.Add(after)
	}
	return pr
}

// skip marks an article that can never be posted to an account as skipped,
// so that it does not come back at every fire, and returns the reason as
// an error.
func (d *Daemon) skip(ctx context.Context, account string, a *article.Article, key, reason string, now time.Time) error {
	err := fmt.Errorf("%s: article %s skipped: %s", account, a.ID, reason)
	p := store.Post{Account: account, ArticleID: a.ID, IdempotencyKey: key, Title: a.Title}
	if serr := d.Store.Skip(context.WithoutCancel(ctx), p, reason, now); serr != nil {
		return errors.Join(err, serr)
	}
	return err
}

type candidate struct {
	a      *article.Article
	repost bool
}

// candidates are up to per_run articles of job's sources not yet posted to
// account, in the schedule's order. Sources with repost_edited also offer
// articles edited since they were posted.
func (d *Daemon) candidates(ctx context.Context, job *Job, account string, now time.Time) ([]candidate, error) {
	var plain, repost []string
	for _, s := range job.Sources {
		if s.RepostEdited {
			repost = append(repost, s.Name)
		} else {
			plain = append(plain, s.Name)
		}
	}
	c := job.Config
	q := store.CandidateQuery{Account: account, Order: c.Order, MaxAge: c.MaxAge, Now: now, Limit: candidateLimit(c)}
	var out []candidate
	for _, group := range []struct {
		names  []string
		repost bool
	}{{plain, false}, {repost, true}} {
		if len(group.names) == 0 {
			continue // an empty list would mean every source
		}
		q.Sources, q.RepostEdited = group.names, group.repost
		arts, err := d.Store.Candidates(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			out = append(out, candidate{a: a, repost: group.repost})
		}
	}
	if len(plain) > 0 && len(repost) > 0 && c.Order != config.OrderRandom {
		sort.SliceStable(out, func(i, j int) bool {
			if c.Order == config.OrderOldest {
				return out[i].a.Published.Before(out[j].a.Published)
			}
			return out[i].a.Published.After(out[j].a.Published)
		})
	}
	out = passFilters(c, out)
	if len(out) > c.PerRun {
		out = out[:max(c.PerRun, 1)]
	}
	return out, nil
}

package schedule

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/teaser"
)

// reshares builds acct's re-shares of job (reshare_after): each evergreen
// article whose last post is old enough comes back as a new post, with a
// key of its own and the next teaser variant whose text the account has
// not posted yet; an article with no new text left is not shared again.
// Under review they are proposals like any other post.
func (d *Daemon) reshares(ctx context.Context, p *plan, job *Job, acct config.Account, pub publish.Publisher, opts teaser.Options, now time.Time) ([]deliver.Job, []store.Proposal, []error) {
	after := job.Config.ReshareAfter
	if after <= 0 {
		return nil, nil, nil
	}
	var names []string
	for _, s := range job.Sources {
		names = append(names, s.Name)
	}
	q := store.CandidateQuery{Sources: names, Account: acct.Name, Now: now, Limit: job.Config.PerRun}
	due, err := d.Store.ReshareCandidates(ctx, q, after)
	if err != nil {
		return nil, nil, []error{fmt.Errorf("%s: %w", acct.Name, err)}
	}
	var (
		jobs  []deliver.Job
		props []store.Proposal
		errs  []error
	)
	for _, r := range due {
		post, ok, err := newText(ctx, acct, pub, r, opts, p.cfg.Teaser)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !ok {
			continue // every variant posted already: never the same text twice
		}
		if reviewed(job, acct) {
			props = append(props, proposal(job, post, r.Share, now))
			continue
		}
		jobs = append(jobs, deliver.Job{Post: post, Publisher: pub, Share: r.Share})
	}
	return jobs, props, errs
}

// newText writes the post of re-share r for acct: the teaser variants
// after the one the first post used, in turn, until one's text differs
// from every earlier post's; false when none does. The post's key is
// deliver.ReshareKey of the share.
func newText(ctx context.Context, acct config.Account, pub publish.Publisher, r store.Reshare, opts teaser.Options, t config.Teaser) (publish.Post, bool, error) {
	key := deliver.ReshareKey(r.Article.ID, acct.Name, r.Share)
	base := max(opts.Variant, 1)
	for i := range teaser.Variants {
		o := opts
		o.Variant = (base-1+r.Share+i)%teaser.Variants + 1
		res, err := teaser.Compose(r.Article, o)
		if err != nil {
			return publish.Post{}, false, fmt.Errorf("%s: article %s: teaser: %w", acct.Name, r.Article.ID, err)
		}
		draft, err := networks.PostFor(ctx, acct, pub, res, t, key)
		if err != nil {
			return publish.Post{}, false, err
		}
		if !slices.Contains(r.Texts, draft.Text) {
			return draft.Post, true, nil
		}
	}
	return publish.Post{}, false, nil
}

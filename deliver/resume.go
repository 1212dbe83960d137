package deliver

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// Resume finds posts left posting by a crash and failed posts whose retry is
// due, and sends each again — the stored post, with its same idempotency key,
// so a network that already has it answers duplicate or returns the same
// status — through pubs[account]. Accounts missing from pubs are reported and
// left for later.
func (d *Deliverer) Resume(ctx context.Context, pubs map[string]publish.Publisher) []Result {
	due, err := d.Store.Due(ctx, d.now())
	if err != nil {
		d.log().Error("resume: list due posts", slog.Any("error", err))
		return []Result{{Err: fmt.Errorf("resume: %w", err)}}
	}
	return d.SendStored(ctx, due, pubs, false)
}

// SendStored sends stored posts as they are stored — text, key and share —
// through pubs[account]: approved posts at their schedule's fire or at
// once (approve --now), due and crashed ones on resume, a failed one on
// retry (manual: even when its failure was permanent). Each is claimed
// first, so a post is sent once however many callers send it at once;
// a post held, under review, posted or in flight elsewhere is skipped.
func (d *Deliverer) SendStored(ctx context.Context, due []store.PostRecord, pubs map[string]publish.Publisher, manual bool) []Result {
	var (
		jobs    []Job
		results []Result
	)
	for _, r := range due {
		pub, ok := pubs[r.Account]
		if !ok {
			results = append(results, Result{ArticleID: r.ArticleID, Account: r.Account, State: r.State, Skipped: true,
				Reason: "no publisher for account " + r.Account})
			d.log().Warn("resume: no publisher for account; post left for later", slog.String("account", r.Account),
				slog.String("article_id", r.ArticleID), slog.String("state", string(r.State)))
			continue
		}
		jobs = append(jobs, Job{Post: PublishPost(r.Post, 0), Publisher: pub, Share: r.Share, Manual: manual})
	}
	return append(results, d.Deliver(ctx, jobs)...)
}

package review

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/schedule"
	"github.com/hookline/hookline/store"
)

// SendOptions tune Send. The zero value is the web page's, in the
// daemon's process.
type SendOptions struct {
	// Manual resends failed posts whatever their retry time.
	Manual bool
	// Adopt asks the publishers opened who they post as, and adopts the
	// history of accounts renamed with new credentials before anything
	// is sent (schedule.AdoptIdentities), as a command beside the daemon
	// must; Log, else deps.Log, gets the renames.
	Adopt bool
	Log   *slog.Logger
}

// Send sends stored posts now, as stored (text and key), through their
// accounts' publishers opened with deps, each claimed first so it goes out
// once however many send it at once. It returns one result per post of recs, in order; a
// post whose account cannot be opened gets a result with Err set.
func Send(ctx context.Context, cfg *config.Config, st *store.Store, deps networks.Deps, recs []store.PostRecord, opts SendOptions) []deliver.Result {
	deps = deps.WithState(st)
	out := make([]deliver.Result, len(recs))
	pubs := map[string]publish.Publisher{}
	openErr := map[string]error{}
	var send []store.PostRecord
	var at []int
	for i, r := range recs {
		if _, ok := pubs[r.Account]; !ok && openErr[r.Account] == nil {
			if acct, ok := cfg.Account(r.Account); !ok {
				openErr[r.Account] = fmt.Errorf("no account %s in the config; add it back to send the post", r.Account)
			} else if pub, err := networks.Open(ctx, acct, deps); err != nil {
				openErr[r.Account] = err
			} else {
				pubs[r.Account] = pub
			}
		}
		if err := openErr[r.Account]; err != nil {
			out[i] = deliver.Result{ArticleID: r.ArticleID, Account: r.Account, Share: r.Share, State: r.State,
				Err: fmt.Errorf("post %s: %w", store.FormatID(r.ID), err)}
			continue
		}
		send, at = append(send, r), append(at, i)
	}
	if opts.Adopt {
		log := deps.Log
		if opts.Log != nil {
			log = opts.Log
		}
		if err := schedule.AdoptIdentities(ctx, st, cfg.Networks, pubs, log, store.AdoptOptions{NotUnderDaemon: true}); err != nil {
			for _, i := range at {
				r := recs[i]
				out[i] = deliver.Result{ArticleID: r.ArticleID, Account: r.Account, Share: r.Share, State: r.State,
					Err: fmt.Errorf("post %s: %w", store.FormatID(r.ID), err)}
			}
			return out
		}
	}
	d := deliver.Deliverer{Store: st, Log: deps.Log}
	for j, res := range d.SendStored(ctx, send, pubs, opts.Manual) {
		out[at[j]] = res
	}
	return out
}

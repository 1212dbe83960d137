package review

import (
	"context"
	"fmt"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
)

// Send sends stored posts now, as stored (text and key), through their
// accounts' publishers opened with deps, each claimed first so it goes out
// once however many send it at once; manual resends failed posts whatever
// their retry time. It returns one result per post of recs, in order; a
// post whose account cannot be opened gets a result with Err set.
func Send(ctx context.Context, cfg *config.Config, st *store.Store, deps networks.Deps, recs []store.PostRecord, manual bool) []deliver.Result {
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
	d := deliver.Deliverer{Store: st, Log: deps.Log}
	for j, res := range d.SendStored(ctx, send, pubs, manual) {
		out[at[j]] = res
	}
	return out
}

package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

func newApproveCmd(g *globals) *cobra.Command {
	var now bool
	cmd := newStateCmd(g, stateCmd{
		use:   "approve",
		short: "Approve posts waiting for review; they go out at their schedule's next fire",
		long: `Approve approves posts under review or held (IDs from hookline queue):
each goes out at the next fire of its schedule, as stored (with any edit),
or at once with --now. Approving a post twice, or one already sent, changes
nothing: a post is claimed, sent and recorded once.`,
		example: `  hookline approve 12
  hookline approve --now 12 13`,
		done: "approved",
		act:  (*store.Store).Approve,
		then: func(ctx context.Context, cfg *config.Config, st *store.Store, recs []store.PostRecord, stdout, stderr io.Writer) error {
			var send []store.PostRecord
			for _, r := range recs {
				if r.State == store.Approved {
					send = append(send, r)
				}
			}
			if !now || len(send) == 0 {
				return nil
			}
			return sendNow(ctx, cfg, st, g, send, false, stdout, stderr)
		},
	})
	cmd.Flags().BoolVar(&now, "now", false, "send the approved posts now instead of at their schedule's next fire")
	return cmd
}

func newHoldCmd(g *globals) *cobra.Command {
	return newStateCmd(g, stateCmd{
		use:   "hold",
		short: "Hold posts: nothing goes out until approved",
		long: `Hold stops posts under review, approved, pending or failed (IDs from hookline queue)
from going out, and from being approved on their own (auto_approve_after),
until hookline approve. A post being sent or sent cannot be held.`,
		done: "held",
		act:  (*store.Store).Hold,
	})
}

func newSkipCmd(g *globals) *cobra.Command {
	return newStateCmd(g, stateCmd{
		use:   "skip",
		short: "Skip posts: they never go out",
		long: `Skip decides that posts (IDs from hookline queue) never go out; the article
is not offered to the account again. A post being sent or sent cannot be
skipped.`,
		done: "skipped",
		act: func(st *store.Store, ctx context.Context, id int64) (store.Change, error) {
			return st.SkipPost(ctx, id, "skipped by hand")
		},
	})
}

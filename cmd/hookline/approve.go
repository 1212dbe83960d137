package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/store"
)

func newApproveCmd(g *globals) *cobra.Command {
	var now bool
	cmd := &cobra.Command{
		Use:   "approve ID...",
		Short: "Approve posts waiting for review; they go out at their schedule's next fire",
		Long: `Approve approves posts under review or held (IDs from hookline queue):
each goes out at the next fire of its schedule, as stored (with any edit),
or at once with --now. Approving a post twice, or one already sent, changes
nothing: a post is claimed, sent and recorded once.`,
		Example: `  hookline approve 12
  hookline approve --now 12 13`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseIDs(args)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			cfg, st, err := openState(ctx, g)
			if err != nil {
				return err
			}
			defer st.Close()
			recs, err := actOnEach(ctx, st, ids, "approved", st.Approve, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if !now {
				return err
			}
			var send []store.PostRecord
			for _, r := range recs {
				if r.State == store.Approved {
					send = append(send, r)
				}
			}
			if len(send) > 0 {
				if serr := sendNow(ctx, cfg, st, g, send, false, cmd.OutOrStdout(), cmd.ErrOrStderr()); err == nil {
					err = serr
				}
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&now, "now", false, "send the approved posts now instead of at their schedule's next fire")
	return cmd
}

func newHoldCmd(g *globals) *cobra.Command {
	return newStateCmd(g, "hold", "Hold posts: nothing goes out until approved",
		`Hold stops posts under review, approved or failed (IDs from hookline queue)
from going out, and from being approved on their own (auto_approve_after),
until hookline approve. A post being sent or sent cannot be held.`,
		"held", func(st *store.Store) func(context.Context, int64) (store.Change, error) { return st.Hold })
}

func newSkipCmd(g *globals) *cobra.Command {
	return newStateCmd(g, "skip", "Skip posts: they never go out",
		`Skip decides that posts (IDs from hookline queue) never go out; the article
is not offered to the account again. A post being sent or sent cannot be
skipped.`,
		"skipped", func(st *store.Store) func(context.Context, int64) (store.Change, error) {
			return func(ctx context.Context, id int64) (store.Change, error) {
				return st.SkipPost(ctx, id, "skipped by hand")
			}
		})
}

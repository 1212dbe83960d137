package main

import (
	"github.com/spf13/cobra"
)

func newRetryCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "retry ID...",
		Short: "Send failed posts again now, as they were, with the same idempotency key",
		Long: `Retry sends failed posts (IDs from hookline queue or history) again now: the
stored text under the same idempotency key, so a network that already has
the post recognises it instead of posting it twice. It works whether the
failure was permanent or its retry is later.`,
		Example: `  hookline retry 7`,
		Args:    cobraMinArgs,
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
			recs, err := actOnEach(ctx, st, ids, "due now", st.Retry, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if len(recs) > 0 {
				if serr := sendNow(ctx, cfg, st, g, recs, true, cmd.OutOrStdout(), cmd.ErrOrStderr()); err == nil {
					err = serr
				}
			}
			return err
		},
	}
}

var cobraMinArgs = cobra.MinimumNArgs(1)

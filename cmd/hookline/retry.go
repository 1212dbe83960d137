package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

func newRetryCmd(g *globals) *cobra.Command {
	return newStateCmd(g, stateCmd{
		use:   "retry",
		short: "Send failed posts again now, as they were, with the same idempotency key",
		long: `Retry sends failed posts (IDs from hookline queue or history) again now: the
stored text under the same idempotency key, so a network that already has
the post recognises it instead of posting it twice. It works whether the
failure was permanent or its retry is later.`,
		example: `  hookline retry 7`,
		done:    "due now",
		act:     (*store.Store).Retry,
		then: func(ctx context.Context, cfg *config.Config, st *store.Store, recs []store.PostRecord, stdout, stderr io.Writer) error {
			return sendNow(ctx, cfg, st, g, recs, true, stdout, stderr)
		},
	})
}

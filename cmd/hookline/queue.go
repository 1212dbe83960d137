package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/review"
	"github.com/hookline/hookline/store"
)

func newQueueCmd(g *globals) *cobra.Command {
	var (
		f      store.QueueFilter
		format string
	)
	cmd := &cobra.Command{
		Use:   "queue",
		Short: "List what goes out next and what waits for review",
		Long: `Queue lists the posts not yet done, soonest first: when each goes out (the
next fire of its schedule for an approved post, its retry for a failed one),
its short ID (for approve, hold, skip, retry and edit), state (review,
approved, held, posting, failed), schedule, account and article, and its
text with its length as the network counts it against the account's limit.
--format json prints one object a line.`,
		Example: `  hookline queue
  hookline queue --account bluesky-main --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format %s: use text or json", format)
			}
			ctx := cmd.Context()
			cfg, st, err := openStateRead(ctx, g)
			if err != nil {
				return err
			}
			var recs []store.PostRecord
			var cache networks.LimitsCache
			if st != nil { // no state file yet: nothing queued
				defer st.Close()
				if recs, err = st.Queue(ctx, f); err != nil {
					return err
				}
				cache = st
			}
			items, err := review.Items(ctx, cfg, cache, recs, time.Now())
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				for _, it := range items {
					if err := enc.Encode(it); err != nil {
						return err
					}
				}
				return nil
			}
			if len(items) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "the queue is empty")
				return nil
			}
			return writeQueueText(cmd.OutOrStdout(), items, cfg)
		},
	}
	cmd.Flags().StringVarP(&f.Account, "account", "a", "", "only this account `NAME`")
	cmd.Flags().StringVarP(&f.Schedule, "schedule", "s", "", "only this schedule `NAME`")
	_ = cmd.RegisterFlagCompletionFunc("schedule", completeNames(g, scheduleNames))
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `FORMAT`: text or json (one object a line)")
	return cmd
}

func writeQueueText(w io.Writer, items []review.Item, cfg *config.Config) error {
	loc, err := time.LoadLocation(cfg.Timezone)
	if err != nil {
		loc = time.Local
	}
	for i, it := range items {
		if i > 0 {
			fmt.Fprintln(w)
		}
		when := it.When
		if !it.At.IsZero() {
			when = it.At.In(loc).Format("2006-01-02 15:04 MST") + " (" + it.When + ")"
		}
		edited := ""
		if it.Edited {
			edited = ", edited"
		}
		fmt.Fprintf(w, "%s  %s%s  %s\n", it.ID, it.State, edited, when)
		fmt.Fprintf(w, "   schedule %s · account %s · %s\n", orDash(it.Schedule), it.Account, orDash(it.Title))
		for _, line := range strings.Split(it.Text, "\n") {
			fmt.Fprintf(w, "   | %s\n", line)
		}
		fmt.Fprintf(w, "   %s\n", networks.Count(it.Length, it.Limit))
		if it.LastError != "" {
			fmt.Fprintf(w, "   last error: %s\n", it.LastError)
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/schedule"
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
			cfg, st, err := openState(ctx, g)
			if err != nil {
				return err
			}
			defer st.Close()
			recs, err := st.Queue(ctx, f)
			if err != nil {
				return err
			}
			items, err := queueItems(ctx, cfg, recs, time.Now())
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

// queueItem is one post of hookline queue, as --format json prints it.
type queueItem struct {
	ID        string    `json:"id"`
	State     string    `json:"state"`
	At        time.Time `json:"at,omitzero"`
	When      string    `json:"when"`
	Schedule  string    `json:"schedule"`
	Account   string    `json:"account"`
	ArticleID string    `json:"article_id"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Length    int       `json:"length"`
	Limit     int       `json:"limit"`
	Share     int       `json:"share"`
	Edited    bool      `json:"edited"`
	LastError string    `json:"last_error,omitempty"`
}

// queueItems says when each post goes out and counts its text.
func queueItems(ctx context.Context, cfg *config.Config, recs []store.PostRecord, now time.Time) ([]queueItem, error) {
	jobs, err := schedule.Jobs(cfg)
	if err != nil {
		return nil, err
	}
	next := map[string]time.Time{}
	for _, j := range jobs {
		if ts := schedule.NextN(j.Schedule, now, 1); len(ts) > 0 {
			next[j.Name()] = ts[0]
		}
	}
	items := make([]queueItem, 0, len(recs))
	for _, r := range recs {
		it := queueItem{ID: store.FormatID(r.ID), State: string(r.State), Schedule: r.Schedule, Account: r.Account,
			ArticleID: r.ArticleID, Title: r.Title, Text: r.Post.Text, Share: r.Share, Edited: !r.EditedAt.IsZero(), LastError: r.LastError}
		if acct, ok := cfg.Account(r.Account); ok {
			if rules, err := networks.Rules(ctx, acct, nil); err == nil {
				it.Length, it.Limit = rules.Count(r.Post.Text), rules.Limit
			}
		}
		fire, hasFire := next[r.Schedule]
		switch r.State {
		case store.Posting:
			it.At, it.When = r.ClaimedAt, "being sent"
		case store.Approved:
			it.When = "at the next fire"
			if hasFire {
				it.At = fire
			} else {
				it.When = "with hookline approve --now (no schedule " + r.Schedule + ")"
			}
		case store.Review:
			it.When = "after approval"
			if !r.AutoApproveAt.IsZero() {
				it.When = "approved on its own at " + r.AutoApproveAt.Local().Format(time.DateTime) + " unless held"
				it.At = r.AutoApproveAt
				if hasFire && fire.After(r.AutoApproveAt) {
					it.At = fire
				}
			}
		case store.Held:
			it.When = "held until approved"
		case store.Failed:
			it.When = "failed for good; hookline retry " + it.ID
			if !r.NextAttempt.IsZero() {
				it.At, it.When = r.NextAttempt, "retried"
			}
		default:
			it.When = "at the next fire"
			it.At = fire
		}
		items = append(items, it)
	}
	// Soonest first; posts waiting for a person after those with a time.
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].At, items[j].At
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
	return items, nil
}

func writeQueueText(w io.Writer, items []queueItem, cfg *config.Config) error {
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
		if it.Limit > 0 {
			fmt.Fprintf(w, "   %d/%d\n", it.Length, it.Limit)
		} else {
			fmt.Fprintf(w, "   %d characters\n", it.Length)
		}
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

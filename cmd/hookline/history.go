package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

func newHistoryCmd(g *globals) *cobra.Command {
	var (
		f      store.HistoryFilter
		format string
	)
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List recent posts and their state, newest first",
		Long: `History lists the posts recorded in the state file (state: in config.yaml),
newest first: when, to which account, the state (pending, posting, posted,
failed, skipped), the number of attempts, the post's URL or the last error
(with the next retry for a failure that will be retried), and the article's
title. --format json prints one object a line, with every field.`,
		Example: `  hookline history
  hookline history --account mastodon-main --limit 50
  hookline history --format json | jq 'select(.state == "failed")'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			if f.Limit < 1 {
				return flagError("limit", f.Limit, "a number of 1 or more")
			}
			ctx := cmd.Context()
			// history only reads: it works on a read-only state folder.
			cfg, st, err := openStateRead(ctx, g)
			if err != nil {
				return err
			}
			// An account no longer in the config may still have posts.
			_, known := cfg.Account(f.Account)
			unknown := f.Account != "" && !known
			if st == nil {
				if unknown {
					return unknownAccount(cfg, f.Account)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "no posts yet: state file %s does not exist\n", cfg.State)
				return nil
			}
			defer st.Close()
			recs, err := st.History(ctx, f)
			if err != nil {
				return err
			}
			if unknown && len(recs) == 0 {
				return unknownAccount(cfg, f.Account)
			}
			if format == "json" {
				return writeHistoryJSON(cmd.OutOrStdout(), recs)
			}
			loc, err := time.LoadLocation(cfg.Timezone)
			if err != nil {
				loc = time.Local
			}
			if len(recs) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "no posts yet")
				return nil
			}
			return writeHistoryText(cmd.OutOrStdout(), recs, loc)
		},
	}
	cmd.Flags().StringVarP(&f.Account, "account", "a", "", "only this account `NAME` from config.yaml's networks")
	_ = cmd.RegisterFlagCompletionFunc("account", completeNames(g, accountNames))
	cmd.Flags().IntVar(&f.Limit, "limit", 20, "at most `N` posts")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `FORMAT`: text (a table) or json (one object a line)")
	return cmd
}

func unknownAccount(cfg *config.Config, name string) error {
	return flagError("account", name, "an account of the config or one with posts"+knownAccounts(cfg))
}

// writeHistoryText prints a table: time (in loc, named in the header),
// account, state, attempts, URL or last error, and the article's title, or
// its id (the file or URL) when it has none; never the post's text.
func writeHistoryText(w io.Writer, recs []store.PostRecord, loc *time.Location) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	zone := loc.String()
	if loc == time.Local {
		zone, _ = time.Now().In(loc).Zone()
	}
	fmt.Fprintf(tw, "TIME (%s)\tACCOUNT\tSTATE\tATTEMPTS\tURL OR ERROR\tTITLE OR ARTICLE\n", zone)
	for _, r := range recs {
		// URLs are printed whole (a cut URL is useless); errors are cut.
		detail := r.URL
		switch {
		case r.State == store.Failed && r.Note == store.NoteInterrupted:
			detail = "interrupted by shutdown; resent at next start"
		case r.State == store.Failed && !r.NextAttempt.IsZero():
			detail = oneLine("retry "+r.NextAttempt.In(loc).Format("2006-01-02 15:04")+": "+r.LastError, 100)
		case r.State == store.Failed:
			detail = oneLine("permanent: "+r.LastError, 100)
		case r.State == store.Skipped:
			detail = oneLine("skipped: "+r.Note, 100)
		case detail == "" && r.ReceiptID != "":
			detail = "id " + r.ReceiptID
		}
		if r.Note == "duplicate" {
			detail = strings.TrimSpace(detail + " (duplicate)")
		}
		title := oneLine(r.Title, 60)
		if r.Title == "" {
			// An article without a title is named by its id, a link or a
			// file: its end says which one, so a long one is cut at the start.
			title = oneLineTail(r.ArticleID, 60)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", r.Time().In(loc).Format("2006-01-02 15:04"), oneLine(r.Account, 24),
			r.State, r.Attempts, oneLine(detail, 1<<16), title)
	}
	return tw.Flush()
}

// oneLine flattens s to one line of at most n runes, ending in "…" when cut.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-"
	}
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// oneLineTail is oneLine cut at the start: "…" and the last n-1 runes.
func oneLineTail(s string, n int) string {
	s = oneLine(s, 1<<16)
	if r := []rune(s); len(r) > n {
		return "…" + string(r[len(r)-n+1:])
	}
	return s
}

// historyLine is one post in --format json.
type historyLine struct {
	Time           time.Time  `json:"time"`
	Account        string     `json:"account"`
	ArticleID      string     `json:"article_id"`
	Title          string     `json:"title"`
	State          string     `json:"state"`
	Attempts       int        `json:"attempts"`
	IdempotencyKey string     `json:"idempotency_key"`
	ReceiptID      string     `json:"receipt_id,omitempty"`
	URL            string     `json:"url,omitempty"`
	LastError      string     `json:"last_error,omitempty"`
	Note           string     `json:"note,omitempty"`
	NextAttemptAt  *time.Time `json:"next_attempt_at,omitempty"`
	PostedAt       *time.Time `json:"posted_at,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	Text           string     `json:"text"`
}

func writeHistoryJSON(w io.Writer, recs []store.PostRecord) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		l := historyLine{Time: r.Time(), Account: r.Account, ArticleID: r.ArticleID, Title: r.Title, State: string(r.State),
			Attempts: r.Attempts, IdempotencyKey: r.IdempotencyKey, ReceiptID: r.ReceiptID, URL: r.URL, LastError: r.LastError,
			Note: r.Note, CreatedAt: r.CreatedAt, Text: r.Post.Text}
		if !r.NextAttempt.IsZero() {
			l.NextAttemptAt = &r.NextAttempt
		}
		if !r.PostedAt.IsZero() {
			l.PostedAt = &r.PostedAt
		}
		if err := enc.Encode(l); err != nil {
			return fmt.Errorf("history: write: %w", err)
		}
	}
	return nil
}

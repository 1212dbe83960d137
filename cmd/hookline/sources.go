package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/source"
	"github.com/hookline/hookline/store"
)

// maxBackfill bounds `sources backfill N`: more than a feed document holds
// (source.Deps.MaxItems) is a typo.
const maxBackfill = 1000

func newSourcesCmd(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List each source with its last poll, its items and its last error",
		Long: `Sources lists the sources of config.yaml with what the state file knows of
them: the last poll, the items marked seen (never to be posted), pending
(postable, not yet posted to any account) and posted (to at least one
account), and the last poll's error, kept after later successes with its
time. --format json prints one object a line.

"mark-seen NAME" and "backfill NAME N" poll the source once, then mark its
items seen or make the newest N seen items postable.`,
		Example: `  hookline sources
  hookline sources --format json | jq 'select(.last_error != "")'
  hookline sources mark-seen tech-blog
  hookline sources backfill tech-blog 3`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("--format %s: use text or json", format)
			}
			// A listing: secrets may be unset, and the state file is only
			// read (none is created), as for history and queue.
			cfg, st, err := openStateRead(cmd.Context(), g)
			if err != nil {
				return err
			}
			if st != nil {
				defer st.Close()
			}
			if len(cfg.Sources) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "no sources in the config; add one under sources:")
				return nil
			}
			lines := make([]sourceLine, len(cfg.Sources))
			for i, s := range cfg.Sources {
				lines[i] = sourceLine{Name: s.Name, Kind: s.Kind}
				if st == nil {
					continue
				}
				stats, err := st.Stats(cmd.Context(), s.Name)
				if err != nil {
					return err
				}
				lines[i].set(stats)
			}
			if format == "json" {
				return writeSourcesJSON(cmd.OutOrStdout(), lines)
			}
			loc, err := time.LoadLocation(cfg.Timezone)
			if err != nil {
				loc = time.Local
			}
			return writeSourcesText(cmd.OutOrStdout(), lines, loc)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `FORMAT`: text (a table) or json (one object a line)")
	cmd.AddCommand(newMarkSeenCmd(g), newBackfillCmd(g))
	return cmd
}

func newMarkSeenCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:               "mark-seen NAME",
		ValidArgsFunction: completeFirstArg(g, sourceNames),
		Short:             "Poll a source and mark every item not yet posted as seen, so none is posted",
		Long: `Mark-seen polls the source NAME once, then marks every item of it that has
no post yet as seen: none of them will be posted (feed2toot's -p). Items the
source finds later are posted as usual.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, src, err := openSource(cmd, g, args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := st.MarkSeen(cmd.Context(), src.Name)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d items marked seen; they will not be posted (hookline sources backfill %s N posts the newest N)\n",
				src.Name, n, src.Name)
			return nil
		},
	}
}

func newBackfillCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:               "backfill NAME N",
		ValidArgsFunction: completeFirstArg(g, sourceNames),
		Short:             "Poll a source and make the newest N items marked seen postable",
		Long: `Backfill polls the source NAME once, then makes the newest N of its items
marked seen (a new feed's back catalogue, or after mark-seen) postable: the
schedules that draw from the source post them, newest first (feed2toot's -a,
within exactly-once: nothing already posted is posted again).`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.Atoi(args[1])
			if err != nil || n < 1 || n > maxBackfill {
				return fmt.Errorf("backfill %s %s: want a number of items from 1 to %d", args[0], args[1], maxBackfill)
			}
			st, src, err := openSource(cmd, g, args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			released, err := st.Backfill(cmd.Context(), src.Name, n)
			if err != nil {
				return err
			}
			// The daemon reads the feed whole at its next poll, so that the
			// released items' pages are fetched.
			if err := st.ForgetFeedValidators(cmd.Context(), src.Name); err != nil {
				return err
			}
			if released == 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "%s: no item is marked seen; nothing to backfill\n", src.Name)
				return nil
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d items may now be posted, newest first, by the schedules that draw from %s\n",
				src.Name, released, src.Name)
			return nil
		},
	}
}

// openSource loads the config, finds the source named name (an error
// lists the known names), opens the state file and polls the source once.
func openSource(cmd *cobra.Command, g *globals, name string) (*store.Store, config.Source, error) {
	cfg, _, err := loadConfig(g)
	if err != nil {
		return nil, config.Source{}, err
	}
	sc, ok := cfg.Source(name)
	if !ok {
		names := sourceNames(cfg)
		known := "the config has no sources"
		if len(names) > 0 {
			known = "known: " + strings.Join(names, ", ")
		}
		return nil, sc, fmt.Errorf("no source named %q; %s", name, known)
	}
	ctx := cmd.Context()
	st, err := openStateWrite(ctx, cfg, store.Options{}, cmd.ErrOrStderr())
	if err != nil {
		return nil, sc, err
	}
	log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	src, err := source.New(sc, source.Deps{Store: st, Log: log})
	if err == nil {
		_, err = src.Poll(ctx)
	}
	if err != nil {
		st.Close()
		return nil, sc, fmt.Errorf("%w; nothing changed (fix the source, or its network, and try again)", err)
	}
	return st, sc, nil
}

// sourceLine is one source in --format json.
type sourceLine struct {
	Name        string     `json:"name"`
	Kind        string     `json:"kind"`
	LastPoll    *time.Time `json:"last_poll"`
	Seen        int        `json:"seen"`
	Pending     int        `json:"pending"`
	Posted      int        `json:"posted"`
	LastError   string     `json:"last_error"`
	LastErrorAt *time.Time `json:"last_error_at"`
}

func (l *sourceLine) set(s store.SourceStats) {
	l.Seen, l.Pending, l.Posted, l.LastError = s.Seen, s.Pending, s.Posted, s.LastError
	if !s.LastPoll.IsZero() {
		l.LastPoll = &s.LastPoll
	}
	if !s.LastErrorAt.IsZero() {
		l.LastErrorAt = &s.LastErrorAt
	}
}

func writeSourcesJSON(w io.Writer, lines []sourceLine) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			return fmt.Errorf("sources: write: %w", err)
		}
	}
	return nil
}

// writeSourcesText prints a table: name, kind, last poll, seen, pending,
// posted, last error (with its time).
func writeSourcesText(w io.Writer, lines []sourceLine, loc *time.Location) error {
	const layout = "2006-01-02 15:04:05"
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tLAST POLL\tSEEN\tPENDING\tPOSTED\tLAST ERROR")
	for _, l := range lines {
		poll := "never"
		if l.LastPoll != nil {
			poll = l.LastPoll.In(loc).Format(layout)
		}
		lastErr := "-"
		if l.LastErrorAt != nil {
			lastErr = oneLine(l.LastErrorAt.In(loc).Format(layout)+": "+l.LastError, 120)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\n", oneLine(l.Name, 32), l.Kind, poll, l.Seen, l.Pending, l.Posted, lastErr)
	}
	return tw.Flush()
}

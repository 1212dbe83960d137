package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/review"
	"github.com/hookline/hookline/store"
)

// The review commands (approve, hold, skip, retry, edit) share the wiring
// here: the config and state file, short ids, one line per post, and
// sending stored posts now.

// openState loads the config and opens its state file for writing.
func openState(ctx context.Context, g *globals, stderr io.Writer) (*config.Config, *store.Store, error) {
	cfg, _, err := loadConfig(g)
	if err != nil {
		return nil, nil, err
	}
	st, err := openStateWrite(ctx, cfg, store.Options{Log: newLogger(config.Log{Level: "warn"}, io.Discard)}, stderr)
	if err != nil {
		return nil, nil, err
	}
	return cfg, st, nil
}

// openStateRead opens the state file for a command that only reads it
// (history, queue): the config loaded leniently (a secret's variable may be
// unset), the file opened read-only, so it works on a read-only folder and
// creates nothing. st is nil when the file does not exist yet.
func openStateRead(ctx context.Context, g *globals) (cfg *config.Config, st *store.Store, err error) {
	if cfg, _, _, err = loadConfigLax(g); err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(cfg.State); errors.Is(err, os.ErrNotExist) {
		return cfg, nil, nil
	}
	st, err = store.Open(ctx, cfg.State, store.Options{ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	return cfg, st, nil
}

// parseIDs reads the short ids given as arguments.
func parseIDs(args []string) ([]int64, error) {
	ids := make([]int64, len(args))
	for i, a := range args {
		id, err := store.ParseID(a)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return ids, nil
}

// actOnEach runs act on every id, prints one line per post ("post 12:
// approved", "post 12: already approved") or its error, and fails when any
// failed. It returns the posts changed or found in the asked state.
func actOnEach(ctx context.Context, st *store.Store, ids []int64, done string, act func(context.Context, int64) (store.Change, error), stdout, stderr io.Writer) ([]store.PostRecord, error) {
	var (
		out    []store.PostRecord
		failed []string
	)
	for _, id := range ids {
		ch, err := act(ctx, id)
		switch {
		case err != nil && len(ids) == 1:
			return nil, err // the one line says it all
		case err != nil:
			fmt.Fprintln(stderr, err)
			failed = append(failed, store.FormatID(id))
			continue
		case ch.Changed:
			fmt.Fprintf(stdout, "post %s: %s\n", store.FormatID(id), done)
		case ch.Post.State == store.Posting || ch.Post.State == store.Posted:
			fmt.Fprintf(stdout, "post %s: already %s\n", store.FormatID(id), ch.Post.State)
		default:
			fmt.Fprintf(stdout, "post %s: already %s\n", store.FormatID(id), done)
		}
		out = append(out, ch.Post)
	}
	if len(failed) > 0 {
		return out, fmt.Errorf("%d of %d posts not changed: %s", len(failed), len(ids), strings.Join(failed, ", "))
	}
	return out, nil
}

// sendNow sends stored posts now, as stored (text and key), through their
// accounts' publishers, each claimed first so it goes out once however
// many send it at once; manual resends failed posts whatever their retry
// time. It prints each outcome and fails when any post failed.
func sendNow(ctx context.Context, cfg *config.Config, st *store.Store, g *globals, recs []store.PostRecord, manual bool, stdout, stderr io.Writer) error {
	deps := networks.Deps{Stdout: stdout, Redactor: g.redactor}
	var failed []string
	for i, res := range review.Send(ctx, cfg, st, deps, recs, review.SendOptions{Manual: manual, Adopt: true, Log: newLogger(cfg.Log, stderr)}) {
		id := store.FormatID(recs[i].ID)
		switch {
		case res.Err != nil:
			retry := ""
			if !res.NextAttempt.IsZero() {
				retry = " (the daemon retries it after " + res.NextAttempt.Local().Format(time.DateTime) + ")"
			}
			msg := res.Err.Error()
			if !strings.HasPrefix(msg, "post "+id+":") {
				msg = "post " + id + ": " + msg
			}
			fmt.Fprintf(stderr, "%s%s\n", msg, retry)
			failed = append(failed, id)
		case res.Skipped && res.State == store.Posted:
			fmt.Fprintf(stdout, "post %s: %s: already posted\n", id, res.Account)
		case res.Skipped && res.State == store.Posting:
			fmt.Fprintf(stdout, "post %s: %s: being sent by another process\n", id, res.Account)
		case res.Skipped:
			fmt.Fprintf(stderr, "post %s: %s: not sent: %s\n", id, res.Account, res.Reason)
			failed = append(failed, id)
		default:
			fmt.Fprintf(stdout, "post %s: %s: %s\n", id, res.Account, receiptText(res.Receipt.URL, res.Receipt.ID))
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d posts not sent: %s", len(failed), len(recs), strings.Join(failed, ", "))
	}
	return nil
}

// stateCmd is a command that moves posts by their short ids: approve,
// hold, skip, retry.
type stateCmd struct {
	use, short, long, example string
	// done is what the command says of each post it moved: "held".
	done string
	// act moves one post.
	act func(st *store.Store, ctx context.Context, id int64) (store.Change, error)
	// then runs on the posts act moved, with the config and the state
	// file open (approve --now and retry send them); nil for none.
	then func(ctx context.Context, cfg *config.Config, st *store.Store, recs []store.PostRecord, stdout, stderr io.Writer) error
}

// newStateCmd builds the command c: it takes short ids, moves each post
// with act, then runs then on those it moved.
func newStateCmd(g *globals, c stateCmd) *cobra.Command {
	return &cobra.Command{
		Use:     c.use + " ID...",
		Short:   c.short,
		Long:    c.long,
		Example: c.example,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseIDs(args)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			cfg, st, err := openState(ctx, g, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer st.Close()
			act := func(ctx context.Context, id int64) (store.Change, error) { return c.act(st, ctx, id) }
			recs, err := actOnEach(ctx, st, ids, c.done, act, cmd.OutOrStdout(), cmd.ErrOrStderr())
			if c.then != nil && len(recs) > 0 {
				if terr := c.then(ctx, cfg, st, recs, cmd.OutOrStdout(), cmd.ErrOrStderr()); err == nil {
					err = terr
				}
			}
			return err
		},
	}
}

// errNoText is returned when edit got no text and no editor to ask.
var errNoText = errors.New("no text: give --text, or set $EDITOR")

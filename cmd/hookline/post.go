package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/redact"
	"github.com/hookline/hookline/schedule"
	"github.com/hookline/hookline/source"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/teaser"
)

func newPostCmd(g *globals) *cobra.Command {
	var (
		names  []string
		dryRun bool
		again  bool
		opt    postOptions
	)
	cmd := &cobra.Command{
		Use:   "post ARTICLE",
		Short: "Write an article's teaser and post it now",
		Long: `Post builds the teaser of ARTICLE (a file, an http(s) URL, or - for stdin),
fits it to each account and posts it now, to the accounts named with
--network or to every account in config.yaml, concurrently. Each post is
recorded in the state file, so it is never posted twice to an account, and
the daemon will not post it again. It prints each post's URL and exits
non-zero when any post failed.

With --again it shares an article already posted once more: a new post
with a new idempotency key, recorded as a re-share of the first, refused
for an account whose earlier posts of the article had the same text (pick
another --variant, the news angle 1 to 4, default teaser.variant). An
article whose front matter says draft: true is never posted, nor one whose
date or embargo is in the future.

With --dry-run it prints what would be sent to each network, request body
included, and sends and records nothing.`,
		Example: `  hookline post article.md
  hookline post https://example.com/story --network mastodon-main --network x-main
  hookline post article.md --dry-run
  hookline post article.md --again --variant 2`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, cfgName, err := loadConfig(g)
			if err != nil {
				return err
			}
			accts, err := selectAccounts(cfg.Networks, names, cfgName)
			if err != nil {
				return err
			}
			opt.again, opt.variantSet = again, cmd.Flags().Changed("variant")
			return postArticle(cmd.Context(), cfg, accts, args[0], dryRun, opt, g.redactor, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().BoolVar(&again, "again", false, "share an article already posted again: a new post with a new key, recorded as a re-share")
	cmd.Flags().IntVar(&opt.variant, "variant", 0, "the teaser's news angle `N`, 1 to 4 (default teaser.variant)")
	cmd.Flags().StringArrayVarP(&names, "network", "n", nil, "account `NAME` from config.yaml's networks (repeatable; default all)")
	_ = cmd.RegisterFlagCompletionFunc("network", completeNames(g, accountNames))
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would be sent to each network; send and record nothing")
	opt.input.register(cmd)
	return cmd
}

// selectAccounts returns the named accounts, in config order, or all.
func selectAccounts(all []config.Account, names []string, cfgName string) ([]config.Account, error) {
	if len(all) == 0 {
		return nil, fmt.Errorf("%s: no networks configured; add an account under networks", cfgName)
	}
	if len(names) == 0 {
		return all, nil
	}
	known := make([]string, len(all))
	for i, a := range all {
		known[i] = a.Name
	}
	var out []config.Account
	for _, a := range all {
		if slices.Contains(names, a.Name) {
			out = append(out, a)
		}
	}
	for _, n := range names {
		if !slices.Contains(known, n) {
			return nil, flagError("network", n, fmt.Sprintf("an account of %s (known: %s)", cfgName, strings.Join(known, ", ")))
		}
	}
	return out, nil
}

// postOptions are post's flags that change what is posted.
type postOptions struct {
	// again shares an article already posted once more (a re-share).
	again bool
	// variant is the teaser's news angle, when variantSet.
	variant    int
	variantSet bool
	// input says how a URL argument is fetched (--allow-private).
	input inputFlags
}

// target is one account's post on its way out.
type target struct {
	acct config.Account
	pub  publish.Publisher
	post publish.Post
	// share is 0 for the first post, N for the Nth re-share (--again).
	share int
	err   error  // why it cannot be sent
	note  string // for a dry run: where the length limit came from, when not from the account
}

func postArticle(ctx context.Context, cfg *config.Config, accts []config.Account, arg string, dryRun bool, opt postOptions, r *redact.Redactor, stdout, stderr io.Writer) error {
	if opt.variantSet && (opt.variant < 1 || opt.variant > teaser.Variants) {
		return flagError("variant", opt.variant, fmt.Sprintf("a number from 1 to %d", teaser.Variants))
	}
	// The command prints its own outcome; only warnings and, when asked
	// for, debug records are logged, in the configured format.
	lc := cfg.Log
	if !strings.EqualFold(lc.Level, "debug") {
		lc.Level = "warn"
	}
	log := newLogger(lc, stderr)

	a, err := article.Load(ctx, arg, article.LoadOptions{Fetch: opt.input.fetch()})
	if err != nil {
		return explainFetch(err)
	}
	// A file a folder source holds has the id the daemon gives it, so the
	// daemon does not post it again.
	if article.CanonicalURL(a.URL) == "" && arg != "-" {
		if id, ok := source.FileID(cfg.Sources, arg); ok {
			a.ID = id
		}
	}
	if err := postable(a, arg, time.Now()); err != nil {
		return err
	}
	topts := networks.TeaserOptions(accts, cfg.Teaser)
	if opt.variantSet {
		topts.Variant = opt.variant
	}
	res, err := teaser.Compose(a, topts)
	if err != nil {
		return err
	}

	var st *store.Store
	deps := networks.Deps{Stdout: stdout, Log: log, Redactor: r}
	if !dryRun {
		if st, err = openStateWrite(ctx, cfg, store.Options{Log: log}, stderr); err != nil {
			return err
		}
		defer st.Close()
		deps = deps.WithState(st)
		// Stored (as a hand post, which no schedule draws from) so that its
		// content hash is known: the daemon then posts neither a copy of it
		// nor, with repost_edited, this version again.
		if _, err := st.UpsertArticle(ctx, "", a, false); err != nil {
			return err
		}
	}
	targets := prepare(ctx, accts, res, cfg.Teaser, deps, dryRun)
	if st != nil {
		// Before anything is claimed: an account renamed with new
		// credentials is known only once its network says who it is.
		pubs := map[string]publish.Publisher{}
		for _, tg := range targets {
			if tg.pub != nil {
				pubs[tg.acct.Name] = tg.pub
			}
		}
		if err := schedule.AdoptIdentities(ctx, st, cfg.Networks, pubs, newLogger(cfg.Log, stderr), store.AdoptOptions{NotUnderDaemon: true}); err != nil {
			return err
		}
	}
	if opt.again && st != nil {
		if err := reshare(ctx, st, targets); err != nil {
			return err
		}
	}
	if dryRun {
		return printDryRun(ctx, targets, stdout)
	}
	return send(ctx, st, targets, log, stdout, stderr)
}

// prepare opens each account's publisher and fits its post, concurrently
// (learning a Mastodon instance's limits is a request). A dry run sends no
// request at all: a network whose limits are learned from the server gets
// the account's max_chars, else the network's default limit, said in note.
func prepare(ctx context.Context, accts []config.Account, res teaser.Result, t config.Teaser, deps networks.Deps, dryRun bool) []target {
	targets := make([]target, len(accts))
	var wg sync.WaitGroup
	for i, acct := range accts {
		wg.Go(func() {
			tg := target{acct: acct}
			tg.pub, tg.err = networks.Open(ctx, acct, deps)
			if tg.err == nil {
				limits := tg.pub
				if _, asks := tg.pub.(publish.Limiter); asks && dryRun {
					limits = nil
					if acct.MaxChars == 0 {
						tg.note = "length limit: " + acct.Kind + "'s default, not asked of the server (a dry run sends nothing; set max_chars to fix it)"
					}
				}
				var d networks.Draft
				d, tg.err = networks.PostFor(ctx, acct, limits, res, t, deliver.Key(res.Article.ID, acct.Name))
				tg.post = d.Post
			}
			targets[i] = tg
		})
	}
	wg.Wait()
	return targets
}

func printDryRun(ctx context.Context, targets []target, w io.Writer) error {
	var failed []string
	for _, tg := range targets {
		fmt.Fprintf(w, "=== %s (%s)\n", tg.acct.Name, tg.acct.Kind)
		if tg.err != nil {
			fmt.Fprintf(w, "error: %v\n\n", tg.err)
			failed = append(failed, tg.acct.Name)
			continue
		}
		if tg.note != "" {
			fmt.Fprintf(w, "(%s)\n", tg.note)
		}
		fmt.Fprintf(w, "%s\n", tg.post.Text)
		dr, ok := tg.pub.(publish.DryRunner)
		if !ok {
			fmt.Fprintf(w, "--- (%s shows no request preview)\n\n", tg.acct.Kind)
			continue
		}
		method, url, body, err := dr.DryRun(ctx, tg.post)
		if err != nil {
			fmt.Fprintf(w, "error: %v\n\n", err)
			failed = append(failed, tg.acct.Name)
			continue
		}
		fmt.Fprintf(w, "--- %s %s\n%s\n", method, url, strings.TrimRight(string(body), "\n"))
		fmt.Fprintln(w)
	}
	if len(failed) > 0 {
		return fmt.Errorf("dry run: %d of %d accounts cannot post: %s", len(failed), len(targets), strings.Join(failed, ", "))
	}
	return nil
}

func send(ctx context.Context, st *store.Store, targets []target, log *slog.Logger, stdout, stderr io.Writer) error {
	var (
		jobs   []deliver.Job
		failed []string
	)
	for _, tg := range targets {
		if tg.err != nil {
			fmt.Fprintf(stderr, "%v\n", tg.err)
			failed = append(failed, tg.acct.Name)
			continue
		}
		jobs = append(jobs, deliver.Job{Post: tg.post, Publisher: tg.pub, Manual: true, Share: tg.share})
	}
	// The deliverer logs every outcome; here they are printed instead, so
	// only its debug records are wanted.
	dlog := slog.New(slog.DiscardHandler)
	if log.Enabled(ctx, slog.LevelDebug) {
		dlog = log
	}
	d := deliver.Deliverer{Store: st, Log: dlog}
	for _, r := range d.Deliver(ctx, jobs) {
		switch {
		case r.Err != nil:
			retry := ""
			if !r.NextAttempt.IsZero() {
				retry = " (the daemon retries it after " + r.NextAttempt.Local().Format(time.DateTime) + ")"
			}
			fmt.Fprintf(stderr, "%v%s\n", r.Err, retry) // the error names the account
			failed = append(failed, r.Account)
		case r.Skipped && r.State == store.Posted:
			line := "already posted"
			if recs, err := st.Shares(ctx, r.ArticleID, r.Account); err == nil && r.Share < len(recs) {
				line = alreadyPostedText(recs[r.Share].URL, recs[r.Share].ReceiptID)
			}
			fmt.Fprintf(stdout, "%s: %s\n", r.Account, line)
		case r.Skipped:
			fmt.Fprintf(stderr, "%s: not posted: %s\n", r.Account, r.Reason)
			failed = append(failed, r.Account)
		default:
			fmt.Fprintf(stdout, "%s: %s\n", r.Account, receiptText(r.Receipt.URL, r.Receipt.ID))
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d posts failed: %s", len(failed), len(targets), strings.Join(failed, ", "))
	}
	return nil
}

// receiptText is what a post's receipt prints as: its URL, else its id,
// else (a network that answered "duplicate" without naming the post, as X
// does) that the network already had it.
func receiptText(url, id string) string {
	switch {
	case url != "":
		return url
	case id != "":
		return "id " + id
	}
	return duplicateText
}

// duplicateText stands for a receipt the network did not give.
const duplicateText = "already posted (duplicate)"

// alreadyPostedText is the line for a post found done before sending.
func alreadyPostedText(url, id string) string {
	if url == "" && id == "" {
		return duplicateText
	}
	return "already posted: " + receiptText(url, id)
}

// postable refuses an article its author has not released: a draft, or
// one whose embargo or date is after now.
func postable(a *article.Article, arg string, now time.Time) error {
	if a.Draft {
		return fmt.Errorf("%s: draft: true in its front matter; it is never posted (remove draft: true to post it)", arg)
	}
	if nb := a.NotBefore(); nb.After(now) {
		return fmt.Errorf("%s: not to be posted before %s (its embargo or date); the daemon posts it then", arg, nb.Local().Format(time.DateTime))
	}
	return nil
}

// reshare makes each target a re-share (--again): the article's next share
// to the account, under its own key, refused when its text repeats an
// earlier post's. An account the article was never posted to gets its
// first post.
func reshare(ctx context.Context, st *store.Store, targets []target) error {
	for i := range targets {
		tg := &targets[i]
		if tg.err != nil {
			continue
		}
		next, err := st.NextShare(ctx, tg.post.ArticleID, tg.acct.Name)
		if err != nil {
			return err
		}
		if slices.Contains(next.Texts, tg.post.Text) {
			tg.err = fmt.Errorf("%s: the same text was posted before; choose another --variant (1 to %d)", tg.acct.Name, teaser.Variants)
			continue
		}
		tg.share = next.Share
		tg.post.IdempotencyKey = deliver.ReshareKey(tg.post.ArticleID, tg.acct.Name, next.Share)
	}
	return nil
}

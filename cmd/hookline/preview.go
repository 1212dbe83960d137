package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/teaser"
)

func newPreviewCmd(g *globals) *cobra.Command {
	var (
		kinds    []string
		accounts []string
		variant  int
		format   string
		input    inputFlags
	)
	cmd := &cobra.Command{
		Use:   "preview [--network KIND]... [--account NAME]... [--variant N] [--format text|json] ARTICLE...",
		Short: "Show an article's teaser and its post on each network",
		Long: `Preview writes the teaser of each ARTICLE (a file, an http(s) URL, or - for
stdin) and fits it, with the article's link and hashtags, to each network:
X (280, weighted), Mastodon (500) and Bluesky (300 graphemes), or those named
with --network. --account NAME shows the post of a configured account
instead, as hookline post builds it (its max_chars, hashtags, language and
utm); a Mastodon instance's own limit is not asked for, so no credentials are
needed. Each post shows its counted length against the limit.
--variant 1 to 4 picks the article's first to fourth best angle on the news (0: the best).
--format json prints one object a line per article. Nothing is posted.
A bad article gets a one-line error and the others are still previewed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			cfg, err := previewConfig(cmd, g)
			if err != nil {
				return err
			}
			// An empty value ("--network ''") parses as no value at all;
			// it is a mistake, not a request for the default.
			if cmd.Flags().Changed("network") && len(kinds) == 0 {
				kinds = []string{""}
			}
			if cmd.Flags().Changed("account") && len(accounts) == 0 {
				accounts = []string{""}
			}
			accts, err := previewAccounts(cfg, kinds, accounts)
			if err != nil {
				return err
			}
			opts := networks.TeaserOptions(accts, cfg.Teaser)
			if cmd.Flags().Changed("variant") {
				if variant < 0 || variant > teaser.Variants {
					return flagError("variant", variant, fmt.Sprintf("a number from 0 (the best angle) to %d", teaser.Variants))
				}
				opts.Variant = variant
			}
			out := cmd.OutOrStdout()
			return eachArticle(cmd, "preview", args, input, func(a *article.Article) error {
				res, err := teaser.Compose(a, opts)
				if err != nil {
					return fmt.Errorf("%s: %w", a.Source, err)
				}
				posts := make([]previewPost, 0, len(accts))
				for _, acct := range accts {
					d, err := networks.PostFor(cmd.Context(), acct, nil, res, cfg.Teaser, "")
					if err != nil {
						return fmt.Errorf("%s: %w", a.Source, err)
					}
					name := acct.Kind
					if name != acct.Name {
						name = acct.Name + " (" + acct.Kind + ")"
					}
					posts = append(posts, previewPost{name, d.Text, d.Length, d.Limit})
				}
				if format == "json" {
					return writePreviewJSON(out, a, res, posts)
				}
				writePreviewText(out, a, res, posts)
				return nil
			})
		},
	}
	cmd.Flags().StringSliceVarP(&kinds, "network", "n", nil, "network to fit the post to: "+strings.Join(networks.Kinds(), ", ")+" (repeatable; default the networks with a limit)")
	cmd.Flags().StringSliceVarP(&accounts, "account", "a", nil, "configured account whose post to show (repeatable)")
	_ = cmd.RegisterFlagCompletionFunc("account", completeNames(g, accountNames))
	_ = cmd.RegisterFlagCompletionFunc("network", cobra.FixedCompletions(networks.Kinds(), cobra.ShellCompDirectiveNoFileComp))
	cmd.Flags().IntVar(&variant, "variant", 0, "news angle, 1 to 4 (0: the best; default: config teaser.variant)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	input.register(cmd)
	return cmd
}

// previewAccounts are the accounts preview builds posts for: the
// configured accounts named, then one of each kind named (its rules, no
// credentials); with neither, one of each kind that has a limit.
func previewAccounts(cfg *config.Config, kinds, names []string) ([]config.Account, error) {
	var out []config.Account
	for _, name := range names {
		a, ok := cfg.Account(name)
		if !ok {
			return nil, flagError("account", flagValue(name), "an account of the config"+knownAccounts(cfg))
		}
		out = append(out, a)
	}
	if len(kinds) == 0 && len(names) == 0 {
		kinds = networks.LimitedKinds()
	}
	for _, k := range kinds {
		if !slices.Contains(networks.Kinds(), k) {
			return nil, flagError("network", flagValue(k), "one of "+strings.Join(networks.Kinds(), ", "))
		}
		out = append(out, config.Account{Name: k, Kind: k})
	}
	return out, nil
}

func knownAccounts(cfg *config.Config) string {
	names := accountNames(cfg)
	if len(names) == 0 {
		return " (it has none)"
	}
	return " (known: " + strings.Join(names, ", ") + ")"
}

type previewPost struct {
	Network string `json:"network"`
	Text    string `json:"text"`
	Length  int    `json:"length"`
	Limit   int    `json:"limit"`
}

func writePreviewJSON(w io.Writer, a *article.Article, res teaser.Result, posts []previewPost) error {
	row := struct {
		File       string        `json:"file"`
		Title      string        `json:"title"`
		Teaser     string        `json:"teaser"`
		Keyphrases []string      `json:"keyphrases"`
		Hashtags   []string      `json:"hashtags"`
		Posts      []previewPost `json:"posts"`
	}{a.Source, a.Title, res.Teaser.String(), nonNil(res.Keyphrases), nonNil(res.Hashtags), posts}
	return json.NewEncoder(w).Encode(row)
}

// writePreviewText prints the teaser and one card per network.
func writePreviewText(w io.Writer, a *article.Article, res teaser.Result, posts []previewPost) {
	fmt.Fprintf(w, "# %s\n", a.Source)
	if a.Title != "" {
		fmt.Fprintf(w, "title:      %s\n", a.Title)
	}
	fmt.Fprintf(w, "teaser:     %s\n", res.Teaser)
	fmt.Fprintf(w, "keyphrases: %s\n", strings.Join(res.Keyphrases, ", "))
	fmt.Fprintf(w, "hashtags:   %s\n", strings.Join(res.Hashtags, " "))
	for _, p := range posts {
		head := fmt.Sprintf("── %s %s ", p.Network, networks.Count(p.Length, p.Limit))
		fmt.Fprintf(w, "\n%s%s\n", head, strings.Repeat("─", max(3, 40-len([]rune(head)))))
		for line := range strings.SplitSeq(p.Text, "\n") {
			fmt.Fprintf(w, "│ %s\n", line)
		}
	}
	fmt.Fprintln(w)
}

// inputFlags are the flags of commands that read articles.
type inputFlags struct {
	allowPrivate bool
}

func (f *inputFlags) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.allowPrivate, "allow-private", false, "fetch URLs on loopback and private addresses (also HOOKLINE_ALLOW_PRIVATE=1)")
	_ = cmd.Flags().MarkHidden("allow-private")
}

// fetch is how URLs given on the command line are fetched.
func (f inputFlags) fetch() article.FetchOptions {
	return article.FetchOptions{AllowPrivate: f.allowPrivate || os.Getenv("HOOKLINE_ALLOW_PRIVATE") == "1"}
}

// explainFetch adds to a refused private address how to allow it.
func explainFetch(err error) error {
	if errors.Is(err, article.ErrForbiddenAddress) {
		return fmt.Errorf("%w; to fetch it anyway, set HOOKLINE_ALLOW_PRIVATE=1", err)
	}
	return err
}

// eachArticle loads every argument and hands it to do. A bad article gets
// a one-line error on stderr and the rest are still processed; the command
// fails when any did. With a single argument its error is the command's.
func eachArticle(cmd *cobra.Command, name string, args []string, in inputFlags, do func(*article.Article) error) error {
	opts := article.LoadOptions{Stdin: cmd.InOrStdin(), Fetch: in.fetch()}
	failed := 0
	var last error
	for _, arg := range args {
		a, err := article.Load(cmd.Context(), arg, opts)
		if err == nil {
			err = do(a)
		}
		if err = explainFetch(err); err != nil {
			failed++
			last = err
			if len(args) > 1 {
				fmt.Fprintf(cmd.ErrOrStderr(), "hookline: %s: %v\n", name, err)
			}
		}
	}
	switch {
	case failed == 0:
		return nil
	case len(args) == 1:
		return fmt.Errorf("%s: %w", name, last)
	}
	return fmt.Errorf("%s: %d of %d articles failed", name, failed, len(args))
}

// previewConfig is the config commands that only read articles use: the
// one found (see loadConfig) when there is a file, else the defaults.
func previewConfig(cmd *cobra.Command, g *globals) (*config.Config, error) {
	if config.Resolve(g.configPath, os.Environ()) == "" {
		return new(config.Config).WithDefaults(), nil // no file: the engine's defaults
	}
	c, _, _, err := loadConfigLax(g)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd.Name(), err)
	}
	return c, nil
}

func checkFormat(format string) error {
	if format != "text" && format != "json" {
		return flagError("format", format, "text or json")
	}
	return nil
}

// nonNil makes an empty list print as [] in JSON.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

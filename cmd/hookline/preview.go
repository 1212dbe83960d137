package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
)

// previewNetworks are the networks preview fits posts to, in its order.
var previewNetworks = map[string]func() fit.Rules{
	"x":        fit.X,
	"mastodon": func() fit.Rules { return fit.Mastodon(0, 0) },
	"bluesky":  fit.Bluesky,
}

func newPreviewCmd(g *globals) *cobra.Command {
	var (
		networks []string
		variant  int
		format   string
		input    inputFlags
	)
	cmd := &cobra.Command{
		Use:   "preview [--network x|mastodon|bluesky]... [--variant N] [--format text|json] ARTICLE...",
		Short: "Show an article's teaser and its post on each network",
		Long: `Preview writes the teaser of each ARTICLE (a file, an http(s) URL, or - for
stdin) and fits it, with the article's link and hashtags, to each network:
X (280, weighted), Mastodon (500) and Bluesky (300 graphemes), or those named
with --network. Each post shows its counted length against the limit.
--variant 1 to 4 picks the article's first to fourth best angle on the news (0: the best).
--format json prints one object a line per article. Nothing is posted.
A bad article gets a one-line error and the others are still previewed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			for _, n := range networks {
				if previewNetworks[n] == nil {
					return fmt.Errorf("preview: --network %q: want x, mastodon or bluesky", n)
				}
			}
			if len(networks) == 0 {
				networks = []string{"x", "mastodon", "bluesky"}
			}
			opts, err := teaserOptions(cmd, g)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("variant") {
				opts.Variant = variant
			}
			out := cmd.OutOrStdout()
			return eachArticle(cmd, "preview", args, input, func(a *article.Article) error {
				res, err := teaser.Compose(a, opts)
				if err != nil {
					return fmt.Errorf("%s: %w", a.Source, err)
				}
				link := a.URL
				if link == "" && strings.Contains(a.Source, "://") {
					link = a.Source
				}
				posts := make([]fit.Post, 0, len(networks))
				for _, n := range networks {
					p, err := res.Post(previewNetworks[n](), link, opts.Hashtags)
					if err != nil {
						return fmt.Errorf("%s: %w", a.Source, err)
					}
					posts = append(posts, p)
				}
				if format == "json" {
					return writePreviewJSON(out, a, res, posts)
				}
				writePreviewText(out, a, res, posts)
				return nil
			})
		},
	}
	cmd.Flags().StringSliceVarP(&networks, "network", "n", nil, "network to fit the post to: x, mastodon or bluesky (repeatable; default all three)")
	cmd.Flags().IntVar(&variant, "variant", 0, "news angle, 1 to 4 (0: the best; default: config teaser.variant)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	input.register(cmd)
	return cmd
}

type previewPost struct {
	Network string `json:"network"`
	Text    string `json:"text"`
	Length  int    `json:"length"`
	Limit   int    `json:"limit"`
}

func writePreviewJSON(w io.Writer, a *article.Article, res teaser.Result, posts []fit.Post) error {
	row := struct {
		File       string        `json:"file"`
		Title      string        `json:"title"`
		Teaser     string        `json:"teaser"`
		Keyphrases []string      `json:"keyphrases"`
		Hashtags   []string      `json:"hashtags"`
		Posts      []previewPost `json:"posts"`
	}{a.Source, a.Title, res.Teaser.String(), nonNil(res.Keyphrases), nonNil(res.Hashtags), nil}
	for _, p := range posts {
		row.Posts = append(row.Posts, previewPost{p.Network, p.Text, p.Length, p.Limit})
	}
	return json.NewEncoder(w).Encode(row)
}

// writePreviewText prints the teaser and one card per network.
func writePreviewText(w io.Writer, a *article.Article, res teaser.Result, posts []fit.Post) {
	fmt.Fprintf(w, "# %s\n", a.Source)
	if a.Title != "" {
		fmt.Fprintf(w, "title:      %s\n", a.Title)
	}
	fmt.Fprintf(w, "teaser:     %s\n", res.Teaser)
	fmt.Fprintf(w, "keyphrases: %s\n", strings.Join(res.Keyphrases, ", "))
	fmt.Fprintf(w, "hashtags:   %s\n", strings.Join(res.Hashtags, " "))
	for _, p := range posts {
		head := fmt.Sprintf("── %s %d/%d ", p.Network, p.Length, p.Limit)
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

// eachArticle loads every argument and hands it to do. A bad article gets
// a one-line error on stderr and the rest are still processed; the command
// fails when any did. With a single argument its error is the command's.
func eachArticle(cmd *cobra.Command, name string, args []string, in inputFlags, do func(*article.Article) error) error {
	opts := article.LoadOptions{Stdin: cmd.InOrStdin()}
	opts.Fetch.AllowPrivate = in.allowPrivate || os.Getenv("HOOKLINE_ALLOW_PRIVATE") == "1"
	failed := 0
	var last error
	for _, arg := range args {
		a, err := article.Load(cmd.Context(), arg, opts)
		if err == nil {
			err = do(a)
		}
		if err != nil {
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

// teaserOptions takes the teaser defaults from the config file when there
// is one (--config, $HOOKLINE_CONFIG or ./config.yaml); without one the
// engine's own defaults apply.
func teaserOptions(cmd *cobra.Command, g *globals) (teaser.Options, error) {
	var opts teaser.Options
	if g.configPath == "" && os.Getenv("HOOKLINE_CONFIG") == "" {
		if _, err := os.Stat("config.yaml"); err != nil {
			return opts, nil
		}
	}
	c, _, err := loadConfig(g)
	if err != nil {
		return opts, fmt.Errorf("%s: %w", cmd.Name(), err)
	}
	opts.Variant, opts.Hashtags = c.Teaser.Variant, c.Teaser.Hashtags
	return opts, nil
}

func checkFormat(format string) error {
	if format != "text" && format != "json" {
		return fmt.Errorf("--format %q: want text or json", format)
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

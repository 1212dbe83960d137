package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/keyphrase"
)

func newKeywordsCmd(g *globals) *cobra.Command {
	var (
		top    int
		format string
		input  inputFlags
	)
	cmd := &cobra.Command{
		Use:   "keywords [--top N] [--format text|json] ARTICLE...",
		Short: "List an article's keyphrases and hashtags, best first",
		Long: `Keywords prints the keyphrases of each ARTICLE (a file, an http(s) URL, or -
for stdin), best first: explicit keywords from front matter or meta tags,
then phrases found in the text, and the hashtags made from them.
--format json prints one object a line per article:
{"file", "keyphrases": [...], "hashtags": [...]}.
A bad article gets a one-line error and the others are still read.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			if top < 1 || top > keyphrase.MaxPhrases {
				return flagError("top", top, fmt.Sprintf("a number from 1 to %d", keyphrase.MaxPhrases))
			}
			cfg, err := previewConfig(cmd, g)
			if err != nil {
				return err
			}
			hashtags := cfg.Teaser.Hashtags
			out := cmd.OutOrStdout()
			enc := json.NewEncoder(out)
			return eachArticle(cmd, "keywords", args, input, func(a *article.Article) error {
				phrases := keyphrase.Extract(a, top)
				texts := make([]string, len(phrases))
				for i, p := range phrases {
					texts[i] = p.Text
				}
				// The hashtags are the ones a post of this article carries,
				// which lead with the teaser's subject; an article with no
				// sentence to tease gets them from its keyphrases alone.
				var tags []string
				if res, err := teaser.Compose(a, teaser.Options{Variant: cfg.Teaser.Variant, Hashtags: hashtags}); err == nil {
					tags = res.Hashtags
				} else {
					tags = teaser.Hashtags(a, hashtags)
				}
				if format == "json" {
					return enc.Encode(struct {
						File       string   `json:"file"`
						Keyphrases []string `json:"keyphrases"`
						Hashtags   []string `json:"hashtags"`
					}{a.Source, nonNil(texts), nonNil(tags)})
				}
				fmt.Fprintf(out, "# %s\n", a.Source)
				for i, p := range phrases {
					fmt.Fprintf(out, "%2d. %s (%.2f)\n", i+1, p.Text, p.Score)
				}
				fmt.Fprintf(out, "hashtags: %s\n\n", strings.Join(tags, " "))
				return nil
			})
		},
	}
	cmd.Flags().IntVar(&top, "top", 10, "how many keyphrases to print")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	input.register(cmd)
	return cmd
}

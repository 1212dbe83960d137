package networks

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
)

// Placeholders are what an account's template may hold: the teaser (fitted
// to what the rest leaves), the article's title, its link (with the
// account's UTM parameters) and the hashtags, space-separated.
var Placeholders = []string{"{teaser}", "{title}", "{link}", "{hashtags}"}

var placeholder = regexp.MustCompile(`\{[^{}\s]*\}`)

// CheckTemplate reports a template that names an unknown placeholder or
// holds neither {teaser} nor {title}. The empty template is the default
// layout: the teaser, a blank line, the link, a line of hashtags.
func CheckTemplate(t string) error {
	if t == "" {
		return nil
	}
	for _, p := range placeholder.FindAllString(t, -1) {
		if !slices.Contains(Placeholders, p) {
			return fmt.Errorf("%s is not a placeholder; use %s", p, strings.Join(Placeholders, ", "))
		}
	}
	if !strings.Contains(t, "{teaser}") && !strings.Contains(t, "{title}") {
		return fmt.Errorf("holds neither {teaser} nor {title}: a post needs one")
	}
	return nil
}

// templated lays res out by the template tmpl for rules: the title, link
// and hashtags as the template places them (never cut), and the teaser
// fitted by fit.Fit to what they leave, dropping its closing question and
// stakes first as fit does. Before the teaser's last sentence is shortened,
// hashtags are dropped, last first, as fit does; the error wraps
// fit.ErrTooLong when nothing fits.
func templated(rules fit.Rules, tmpl string, res teaser.Result, link string, tags []string) (fit.Post, error) {
	title := ""
	if res.Article != nil {
		title = strings.Join(strings.Fields(res.Article.Title), " ")
	}
	hasTeaser := strings.Contains(tmpl, "{teaser}")
	for n := len(tags); n >= 0; n-- {
		render := func(body string) string {
			return tidy(strings.NewReplacer("{teaser}", body, "{title}", title, "{link}", link,
				"{hashtags}", strings.Join(tags[:n], " ")).Replace(tmpl))
		}
		post := func(text string) fit.Post {
			p := fit.Post{Network: rules.Network, Text: text, Length: rules.Count(text), Limit: rules.Limit, Hashtags: tags[:n]}
			if strings.Contains(tmpl, "{link}") {
				p.Link = link
			}
			return p
		}
		if !hasTeaser {
			if text := render(""); rules.Fits(text) {
				return post(text), nil
			}
			continue
		}
		fixed := render("")
		room := rules
		if rules.Limit > 0 {
			room.Limit = rules.Limit - rules.Count(fixed)
		}
		if rules.MaxBytes > 0 {
			room.MaxBytes = rules.MaxBytes - len(fixed)
		}
		// Counts are additive but for the joins (a URL the teaser runs
		// into, an emoji sequence): take off what the whole is over, and
		// try again.
		for range 3 {
			if rules.Limit > 0 && room.Limit <= 0 || rules.MaxBytes > 0 && room.MaxBytes <= 0 {
				break
			}
			fp, err := fit.Fit(room, fit.Input{Sentences: res.Teaser.Sentences})
			if err != nil {
				break
			}
			text := render(fp.Text)
			if rules.Fits(text) {
				if n > 0 && strings.HasSuffix(fp.Text, "…") {
					break // shortened: drop a hashtag first
				}
				return post(text), nil
			}
			if rules.Limit > 0 {
				room.Limit -= max(1, rules.Count(text)-rules.Limit)
			}
			if rules.MaxBytes > 0 {
				room.MaxBytes -= max(1, len(text)-rules.MaxBytes)
			}
		}
	}
	return fit.Post{}, fmt.Errorf("fit %s: template %q: the title and text around the teaser leave no room under %d: %w", rules.Network, tmpl, rules.Limit, fit.ErrTooLong)
}

var blankRun = regexp.MustCompile(`\n{3,}`)

// tidy drops the spaces an empty placeholder leaves at line ends and
// around the post, and blank lines beyond one.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(blankRun.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

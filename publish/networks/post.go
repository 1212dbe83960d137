package networks

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
)

// DefaultHashtags is how many hashtags a post carries when neither the
// account nor teaser.hashtags says.
const DefaultHashtags = 3

// maxDescription bounds Post.Description, in bytes, for link cards.
const maxDescription = 300

// Rules returns the length rules posts for acct are fitted to: the
// publisher's own when it implements publish.Limiter (a Mastodon instance's
// learned limits), else the network's defaults by kind, with acct.MaxChars
// overriding the limit. An outbox has no limit unless max_chars sets one.
func Rules(ctx context.Context, acct config.Account, pub publish.Publisher) (fit.Rules, error) {
	if l, ok := pub.(publish.Limiter); ok {
		r, err := l.Rules(ctx)
		if err != nil {
			return fit.Rules{}, fmt.Errorf("%s: length rules: %w", acct.Name, err)
		}
		return r, nil
	}
	var r fit.Rules
	switch acct.Kind {
	case "x":
		r = fit.X()
	case "bluesky":
		r = fit.Bluesky()
	case "mastodon":
		r = fit.Mastodon(0, 0)
	default:
		r = fit.Rules{Network: acct.Kind}
	}
	if acct.MaxChars > 0 {
		r.Limit = acct.MaxChars
	}
	return r, nil
}

// Hashtags is how many hashtags acct's posts carry: the account's setting,
// else teaser.hashtags, else DefaultHashtags.
func Hashtags(acct config.Account, t config.Teaser) int {
	return cmp.Or(acct.Hashtags, t.Hashtags, DefaultHashtags)
}

// TeaserOptions are the teaser settings for one article posted to accts:
// t's variant, and as many hashtags as the most any of accts carries (see
// Hashtags), so that one teaser serves every account.
func TeaserOptions(accts []config.Account, t config.Teaser) teaser.Options {
	opts := teaser.Options{Variant: t.Variant}
	for _, a := range accts {
		opts.Hashtags = max(opts.Hashtags, Hashtags(a, t))
	}
	return opts
}

// PostFor fits the teaser res to acct and its publisher pub: the account's
// rules (see Rules), its hashtag count, the article's link with the
// account's UTM parameters, and the idempotency key given (deliver.Key of
// the article and the account).
func PostFor(ctx context.Context, acct config.Account, pub publish.Publisher, res teaser.Result, t config.Teaser, key string) (publish.Post, error) {
	rules, err := Rules(ctx, acct, pub)
	if err != nil {
		return publish.Post{}, err
	}
	a := res.Article
	link := ""
	if a != nil && a.URL != "" {
		link = fit.AddUTM(a.URL, acct.UTM.Source, acct.UTM.Medium, acct.UTM.Campaign)
	}
	fp, err := res.Post(rules, link, Hashtags(acct, t))
	if err != nil {
		return publish.Post{}, fmt.Errorf("%s: fit post: %w", acct.Name, err)
	}
	p := publish.Post{
		Account:        acct.Name,
		Text:           fp.Text,
		Link:           fp.Link,
		Hashtags:       fp.Hashtags,
		IdempotencyKey: key,
	}
	if a != nil {
		p.ArticleID, p.Lang, p.Title, p.Image = a.ID, a.Lang, a.Title, a.Image
		p.Description = description(a.Hook, a.Paragraphs)
	}
	return p, nil
}

// description is the article's hook, else its first paragraph, cut at a
// word to at most maxDescription bytes.
func description(hook string, paras []string) string {
	d := strings.TrimSpace(hook)
	if d == "" && len(paras) > 0 {
		d = strings.TrimSpace(paras[0])
	}
	d = strings.Join(strings.Fields(d), " ")
	if len(d) <= maxDescription {
		return d
	}
	cut := maxDescription - len("…")
	for cut > 0 && !utf8.RuneStart(d[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(d[:cut], ' '); i > 0 {
		cut = i
	}
	return strings.TrimRight(d[:cut], " ,;:") + "…"
}

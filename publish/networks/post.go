package networks

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
)

// maxDescription bounds Post.Description, in bytes, for link cards.
const maxDescription = 300

// Rules returns the length rules posts for acct are fitted to: the
// publisher's own when it implements publish.Limiter (a Mastodon instance's
// learned limits), else its kind's; then the account's max_chars, which
// replaces the limit where the network lets an account raise it (X's paid
// plans, an instance that allows more) and only lowers it where the
// protocol fixes it (Bluesky). An outbox has no limit unless max_chars sets
// one. pub may be nil (a preview): the kind's rules are used.
func Rules(ctx context.Context, acct config.Account, pub publish.Publisher) (fit.Rules, error) {
	k, err := lookup(acct)
	if err != nil {
		return fit.Rules{}, err
	}
	r := k.defaultRules()
	if l, ok := pub.(publish.Limiter); ok {
		if r, err = l.Rules(ctx); err != nil {
			return fit.Rules{}, fmt.Errorf("%s: length rules: %w", acct.Name, err)
		}
	}
	return withMaxChars(k, acct, r), nil
}

// CachedRules are Rules for a command that does not reach the network
// (queue, edit, preview of an account): what the account's publisher
// learned and kept in cache (a Mastodon instance's limits, whatever their
// age), else the kind's defaults; then max_chars.
func CachedRules(ctx context.Context, acct config.Account, cache LimitsCache) (fit.Rules, error) {
	k, err := lookup(acct)
	if err != nil {
		return fit.Rules{}, err
	}
	r, ok := k.cachedRules(ctx, acct, cache)
	if !ok {
		r = k.defaultRules()
	}
	return withMaxChars(k, acct, r), nil
}

// withMaxChars applies the account's max_chars to r as Rules says.
func withMaxChars(k kind, acct config.Account, r fit.Rules) fit.Rules {
	if m := acct.MaxChars; m > 0 && (k.raises() || r.Limit <= 0 || m < r.Limit) {
		r.Limit = m
	}
	return r
}

// Hashtags is how many hashtags acct's posts carry: the account's setting,
// else teaser.hashtags, else config.DefaultHashtags.
func Hashtags(acct config.Account, t config.Teaser) int {
	return cmp.Or(acct.Hashtags, t.Hashtags, config.DefaultHashtags)
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

// Draft is a post built for an account, as it would be sent, with its
// length as the account's network counts it.
type Draft struct {
	publish.Post
	// Length is the text's length as the network counts it; Limit is the
	// most the account may post (0 for no limit).
	Length, Limit int
}

// Count says a post's length against its limit, as commands print it:
// "197/280", or "197 characters, no limit" when limit is 0 (an outbox).
func Count(length, limit int) string {
	if limit > 0 {
		return fmt.Sprintf("%d/%d", length, limit)
	}
	return fmt.Sprintf("%d characters, no limit", length)
}

// PostFor builds the post of the teaser res for acct: the one way a teaser
// becomes a post, for hookline post, the daemon's fires and preview. It
// fits the teaser to the account's rules (see Rules; pub may be nil), with
// the account's fixed hashtags and then as many of the teaser's as the
// account's hashtag count (see postHashtags), the article's link with the account's UTM
// parameters, laid out by the account's template (see CheckTemplate; empty
// for the default layout), the account's language (else the article's), and the
// idempotency key given (deliver.Key of the article and the account).
func PostFor(ctx context.Context, acct config.Account, pub publish.Publisher, res teaser.Result, t config.Teaser, key string) (Draft, error) {
	rules, err := Rules(ctx, acct, pub)
	if err != nil {
		return Draft{}, err
	}
	a := res.Article
	link := ""
	if a != nil && a.URL != "" {
		link = fit.AddUTM(a.URL, acct.UTM.Source, acct.UTM.Medium, acct.UTM.Campaign)
	}
	tags := postHashtags(acct.FixedHashtags, res.Hashtags, Hashtags(acct, t))
	var fp fit.Post
	if acct.Template == "" {
		withTags := res
		withTags.Hashtags = tags
		fp, err = withTags.Post(rules, link, len(tags))
	} else {
		fp, err = templated(rules, acct.Template, res, link, tags)
	}
	if err != nil {
		return Draft{}, fmt.Errorf("%s: fit post: %w", acct.Name, err)
	}
	p := publish.Post{
		Account:        acct.Name,
		Text:           fp.Text,
		Link:           fp.Link,
		Hashtags:       fp.Hashtags,
		Lang:           acct.Language,
		IdempotencyKey: key,
	}
	if a != nil {
		p.ArticleID, p.Title, p.Image = a.ID, a.Title, a.Image
		p.Lang = cmp.Or(p.Lang, a.Lang)
		p.Description = description(a.Hook, a.Paragraphs)
	}
	return Draft{Post: p, Length: fp.Length, Limit: fp.Limit}, nil
}

// postHashtags are the hashtags of an account's post: its fixed ones, then
// up to n of the chosen ones that are not among them (case-insensitively).
// Fitting drops hashtags last first, so the fixed ones are kept longest.
// n < 0 means no chosen hashtags.
func postHashtags(fixed, chosen []string, n int) []string {
	tags := slices.Clone(fixed)
	for _, c := range chosen {
		if len(tags)-len(fixed) >= n {
			break
		}
		if !slices.ContainsFunc(tags, func(f string) bool { return strings.EqualFold(f, c) }) {
			tags = append(tags, c)
		}
	}
	return tags
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

package article

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"
)

// pageMeta is what a page's <head> says about the article.
type pageMeta struct {
	title, ogTitle, h1, canonical, image, lang, published string
	keywords                                              []string
}

// readMeta reads <html lang>, <title>, <link rel=canonical>, the meta tags
// and the first <h1> of doc, before readability mutates it.
func readMeta(doc *html.Node, pageURL *url.URL) pageMeta {
	var m pageMeta
	var ogURL, ogTitle, ogImage, twImage, locale string
	var metaKeywords, tags []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if m.lang == "" {
					m.lang = normalizeLang(attr(n, "lang"))
				}
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = cleanText(n.FirstChild.Data, htmlFlags)
				}
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = absoluteHTTP(pageURL, attr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:url":
					ogURL = val
				case "og:title":
					ogTitle = val
				case "og:image", "og:image:url", "og:image:secure_url":
					if ogImage == "" {
						ogImage = val
					}
				case "twitter:image", "twitter:image:src":
					twImage = val
				case "og:locale":
					locale = val
				case "keywords", "news_keywords":
					metaKeywords = append(metaKeywords, strings.Split(val, ",")...)
				case "article:tag":
					tags = append(tags, val)
				case "article:published_time", "datepublished", "pubdate", "date", "dc.date.issued":
					if m.published == "" {
						m.published = val
					}
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = cleanText(nodeText(n), htmlFlags)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.canonical == "" && ogURL != "" {
		m.canonical = absoluteHTTP(pageURL, ogURL)
	}
	m.ogTitle = cleanText(ogTitle, htmlFlags)
	if ogImage == "" {
		ogImage = twImage
	}
	if ogImage != "" {
		m.image = resolve(pageURL, m.canonical, ogImage)
	}
	if m.lang == "" {
		m.lang = normalizeLang(locale)
	}
	m.keywords = mergeKeywords(mergeKeywords(nil, metaKeywords...), tags...)
	return m
}

// nodeText returns the text inside n, without scripts and styles.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && skipAtoms[n.DataAtom]:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether a space-separated list holds tok (ignoring case).
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// absoluteHTTP resolves ref against base and returns it when it is an
// absolute http(s) URL, else "".
func absoluteHTTP(base *url.URL, ref string) string {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || ref == "" {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// resolve makes ref absolute against the page URL, else the canonical URL.
func resolve(pageURL *url.URL, canonical, ref string) string {
	if pageURL == nil && canonical != "" {
		pageURL, _ = url.Parse(canonical)
	}
	return absoluteHTTP(pageURL, ref)
}

// normalizeLang returns the canonical BCP 47 form of a language tag
// ("en_us" → "en-US"), or "" when it is not one.
func normalizeLang(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if s == "" {
		return ""
	}
	t, err := language.Parse(s)
	if err != nil || t == language.Und {
		return ""
	}
	return t.String()
}

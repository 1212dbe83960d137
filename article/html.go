package article

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ParseHTML reads a web page: the main text through readability, plus the
// title, canonical URL (<link rel=canonical>, og:url), keywords (meta
// keywords, article:tag), og:image resolved against pageURL, <html lang>
// and article:published_time. pageURL may be nil; when set it is the URL
// the page was fetched from and the article's Source. Pages in another
// charset than UTF-8 are converted as declared. At most DefaultMaxBytes are
// read.
func ParseHTML(r io.Reader, pageURL *url.URL) (*Article, error) {
	name := "html"
	if pageURL != nil {
		name = pageURL.String()
	}
	data, err := io.ReadAll(io.LimitReader(r, DefaultMaxBytes+1))
	if err != nil {
		return nil, wrapInput(name, fmt.Errorf("read: %w", err))
	}
	if len(data) > DefaultMaxBytes {
		return nil, wrapInput(name, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, DefaultMaxBytes))
	}
	return parseAs(name, HTML, data, pageURL)
}

// htmlFlags: the HTML tokenizer already decoded character references.
const htmlFlags cleanFlags = 0

// parseHTML reads a page from data, converting it to UTF-8 first when it is
// not valid UTF-8 (as declared by a BOM or <meta charset>, else Windows-1252).
func parseHTML(data []byte, pageURL *url.URL) (*Article, error) {
	if !utf8.Valid(data) {
		enc, _, _ := charset.DetermineEncoding(data, "text/html")
		if dec, err := enc.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	doc, err := html.Parse(bytes.NewReader(htmlLead(data)))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	a := &Article{}
	m := readMeta(doc, pageURL)
	parser := readability.NewParser()
	parser.MaxElemsToParse = 200_000
	ra, err := parser.ParseAndMutate(doc, pageURL)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoText, err)
	}
	a.Title = pickTitle(m, cleanText(ra.Title(), htmlFlags))
	a.URL = m.canonical
	if a.URL == "" && pageURL != nil && (pageURL.Scheme == "http" || pageURL.Scheme == "https") {
		a.URL = pageURL.String()
	}
	a.Keywords = m.keywords
	a.Image = m.image
	if a.Image == "" && ra.ImageURL() != "" {
		a.Image = resolve(pageURL, m.canonical, ra.ImageURL())
	}
	a.Lang = m.lang
	if a.Lang == "" {
		a.Lang = normalizeLang(ra.Language())
	}
	if m.published != "" {
		a.Published, _ = parseTime(m.published)
	}
	if a.Published.IsZero() {
		if t, err := ra.PublishedTime(); err == nil {
			a.Published = t
		}
	}
	var paras []string
	if ra.Node != nil {
		paras = nodeParagraphs(ra.Node)
	}
	return a, finishArticle(a, paras)
}

// maxHTMLParse bounds how much of a page is parsed. The page's tree and
// readability's copy of it take some ten times the HTML they hold, so a
// 10 MB page read whole would take over 150 MB; its head and the first
// 1 MB of its body hold the metadata and far more text than a teaser
// reads (see keyphrase's 256 KB).
const maxHTMLParse = 1 << 20

// htmlLead returns data, or its first maxHTMLParse bytes ending before a
// tag: the parser closes what the cut leaves open.
func htmlLead(data []byte) []byte {
	if len(data) <= maxHTMLParse {
		return data
	}
	if i := bytes.LastIndexByte(data[:maxHTMLParse], '<'); i > 0 {
		return data[:i]
	}
	return data[:maxHTMLParse]
}

// blockAtoms end a paragraph before and after themselves.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Figure: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Hr: true, atom.Br: false, atom.Address: true, atom.Details: true, atom.Summary: true,
}

// skipAtoms hold no article text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Button: true, atom.Form: true, atom.Select: true,
	atom.Iframe: true, atom.Object: true, atom.Figcaption: true, atom.Nav: true,
}

// nodeParagraphs returns the text of each block of n, cleaned.
func nodeParagraphs(n *html.Node) []string {
	var paras []string
	var b strings.Builder
	flush := func() {
		if b.Len() == 0 {
			return
		}
		if p := cleanText(b.String(), htmlFlags); p != "" {
			paras = append(paras, p)
		}
		b.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte(' ')
				return
			}
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return paras
}

// titleSeparators part a headline from the site name in <title>.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "}

// pickTitle chooses og:title, else readability's title, else the first
// <h1>; a site name after a separator is dropped when the <h1> shows which
// part is the headline.
func pickTitle(m pageMeta, title string) string {
	if m.ogTitle != "" {
		return m.ogTitle
	}
	if title == "" {
		title = m.title
	}
	if title == "" {
		return m.h1
	}
	if m.h1 != "" && title != m.h1 {
		for _, sep := range titleSeparators {
			for _, part := range strings.Split(title, sep) {
				if strings.EqualFold(strings.TrimSpace(part), m.h1) {
					return m.h1
				}
			}
		}
	}
	return title
}

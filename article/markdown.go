package article

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"
)

// mdParser is built once; goldmark parsers are safe for concurrent use.
var mdParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()
})

// mdFlags: goldmark leaves character references in text segments.
const mdFlags = decodeEntities

// parseMarkdown reads Markdown with optional YAML front matter. The body
// becomes plain paragraphs: headings, paragraphs, list items and quotes keep
// their text; code, images, tables and HTML tags go. A first-level heading
// before any paragraph is the title when the front matter has none.
func parseMarkdown(s string) (*Article, error) {
	a := &Article{}
	fm, body, err := splitFrontMatter(s)
	if err != nil {
		return nil, err
	}
	if err := readFrontMatter(a, fm, 2); err != nil {
		return nil, err
	}
	src := []byte(body)
	doc := mdParser().Parse(text.NewReader(src))
	var paras []string
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
			b.Reset()
			inlineText(&b, n, src)
			p := cleanText(b.String(), mdFlags)
			if h, ok := n.(*ast.Heading); ok && h.Level == 1 && len(paras) == 0 && a.Title == "" && p != "" {
				a.Title = p
				return ast.WalkSkipChildren, nil
			}
			if p != "" {
				paras = append(paras, p)
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			var raw strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw.Write(seg.Value(src))
			}
			if p := cleanText(htmlText(raw.String()), 0); p != "" {
				paras = append(paras, p)
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak, *east.Table:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return a, finishArticle(a, paras)
}

// inlineText writes the plain text of n's inline children: emphasis and
// links keep their text, images and raw HTML go, line breaks become spaces.
func inlineText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(util.UnescapePunctuations(c.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.Image, *ast.RawHTML:
		default:
			inlineText(b, c, src)
		}
	}
}

// htmlText returns the text of an HTML fragment, without tags, scripts and
// styles.
func htmlText(fragment string) string {
	z := xhtml.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
				b.WriteByte(' ')
			}
		case xhtml.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
		case xhtml.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
		}
	}
}

package article

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// Format is the kind of document a reader handles.
type Format int

// The formats Parse tells apart.
const (
	// Text is plain text: one paragraph a line, maybe a title line first.
	Text Format = iota
	// Markdown is CommonMark with optional YAML front matter.
	Markdown
	// HTML is a web page, read through readability.
	HTML
)

// String returns "text", "markdown" or "html".
func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	}
	return "text"
}

// Sniff tells the format of a document from its name's extension (.md,
// .markdown → Markdown; .html, .htm, .xhtml → HTML; .txt → text) or, failing
// that, from its start: "---" front matter is Markdown, "<!doctype html" or
// "<html" is HTML, anything else plain text.
func Sniff(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".txt", ".text":
		return Text
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	if bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("---\r\n")) {
		return Markdown
	}
	if len(head) > 14 {
		head = head[:14]
	}
	lower := bytes.ToLower(head)
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
		return HTML
	}
	return Text
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Parse reads an article from data in the format Sniff tells. name is used
// in errors and as Source. Errors name the input and wrap the package's
// sentinel errors: ErrEmpty, ErrBinary, ErrNotUTF8, ErrFrontMatter, ErrNoText.
func Parse(name string, data []byte) (*Article, error) {
	return parseAs(name, Sniff(name, data), data, nil)
}

// parseAs checks data and runs the reader for format. pageURL, when known,
// resolves relative links in HTML.
func parseAs(name string, format Format, data []byte, pageURL *url.URL) (*Article, error) {
	data, err := checkData(data, format != HTML)
	if err != nil {
		return nil, wrapInput(name, err)
	}
	var a *Article
	switch format {
	case Markdown:
		a, err = parseMarkdown(string(data))
	case HTML:
		a, err = parseHTML(data, pageURL)
	default:
		a, err = parseText(string(data))
	}
	if err != nil {
		return nil, wrapInput(name, err)
	}
	a.Source = name
	return a, nil
}

// checkData refuses empty and binary input and, when needUTF8, input that
// is not UTF-8. UTF-16 with a byte order mark is converted; a UTF-8 byte
// order mark is dropped.
func checkData(data []byte, needUTF8 bool) ([]byte, error) {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		dec, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%w: bad UTF-16 text: %w", ErrNotUTF8, err)
		}
		data = dec
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if needUTF8 && !utf8.Valid(data) {
		return nil, fmt.Errorf("%w (invalid byte at offset %d); save it as UTF-8", ErrNotUTF8, invalidOffset(data))
	}
	return data, nil
}

// invalidOffset returns the offset of the first byte that is not valid UTF-8.
func invalidOffset(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// finishArticle drops leading paragraphs that repeat the title and
// paragraphs without a letter or digit, moves a
// hook-style first paragraph to Hook, refuses articles without a sentence,
// and calls Finish.
func finishArticle(a *Article, paras []string) error {
	for len(paras) > 0 && a.Title != "" && strings.EqualFold(paras[0], a.Title) {
		paras = paras[1:]
	}
	// Separator lines ("* * *", "=====") carry no text.
	kept := paras[:0]
	for _, p := range paras {
		if hasLetterOrDigit(p) {
			kept = append(kept, p)
		}
	}
	paras = kept
	if a.Hook == "" && len(paras) >= 2 && isHook(paras[0]) {
		a.Hook, paras = paras[0], paras[1:]
	}
	a.Paragraphs = paras
	text := a.Hook != "" && hasLetter(a.Hook)
	for _, p := range paras {
		if text {
			break
		}
		text = hasLetter(p)
	}
	if !text {
		return ErrNoText
	}
	a.Finish()
	return nil
}

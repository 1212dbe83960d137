package article

import (
	"strings"
)

// mdFlags: character references are left in Markdown text for cleanText.
const mdFlags = decodeEntities

// parseMarkdown reads Markdown with optional YAML front matter. The body
// becomes plain paragraphs: headings, paragraphs, list items and quotes keep
// their text; code, images, tables, reference definitions and HTML tags go.
// A first-level heading before any paragraph is the title when the front
// matter has none.
//
// It is a small line-based reader rather than a full CommonMark parser: it
// needs only the text, and it stays linear in the input, where full parsers
// go quadratic on deeply nested lists or unclosed links.
func parseMarkdown(s string) (*Article, error) {
	a := &Article{}
	fm, body, err := splitFrontMatter(s)
	if err != nil {
		return nil, err
	}
	if err := readFrontMatter(a, fm, 2); err != nil {
		return nil, err
	}
	r := mdReader{a: a}
	for _, line := range splitLines(body) {
		r.line(line)
	}
	r.flush(0)
	return a, finishArticle(a, r.paras)
}

// mdReader turns Markdown lines into paragraphs.
type mdReader struct {
	a        *Article
	paras    []string
	para     []string // lines of the open paragraph
	fence    string   // closing fence of an open code block
	skipTo   string   // end marker of an open HTML comment or script
	inTable  bool
	blank    bool // the previous line was blank
	listSeen bool // the previous block was a list item
}

// line reads one line of the body.
func (r *mdReader) line(line string) {
	if r.fence != "" {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, r.fence) && strings.Trim(t, r.fence[:1]) == "" {
			r.fence = ""
		}
		return
	}
	if r.skipTo != "" {
		if strings.Contains(strings.ToLower(line), r.skipTo) {
			r.skipTo = ""
		}
		return
	}
	indent := len(line) - len(strings.TrimLeft(line, " \t"))
	if indent >= 4 && r.blank && len(r.para) == 0 && !r.listSeen {
		return // indented code
	}
	content, item := stripContainers(line)
	if item {
		r.flush(0)
		r.listSeen = true
	}
	t := strings.TrimSpace(content)
	wasBlank := r.blank
	r.blank = t == ""
	switch {
	case t == "":
		r.flush(0)
		r.inTable = false
		if !item {
			r.listSeen = r.listSeen && !wasBlank
		}
	case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
		r.flush(0)
		r.fence = t[:3]
	case strings.HasPrefix(t, "<!--") && !strings.Contains(t, "-->"):
		r.flush(0)
		r.skipTo = "-->"
	case hasPrefixFold(t, "<script") && !strings.Contains(strings.ToLower(t), "</script>"):
		r.flush(0)
		r.skipTo = "</script>"
	case hasPrefixFold(t, "<style") && !strings.Contains(strings.ToLower(t), "</style>"):
		r.flush(0)
		r.skipTo = "</style>"
	case len(r.para) > 0 && !item && isRun(t, '='):
		r.flush(1) // setext heading
	case len(r.para) > 0 && !item && isRun(t, '-'):
		r.flush(2)
	case isBreak(t):
		r.flush(0)
	case t[0] == '#':
		level := len(t) - len(strings.TrimLeft(t, "#"))
		if level > 6 || (level < len(t) && t[level] != ' ' && t[level] != '\t') {
			r.para = append(r.para, t)
			return
		}
		r.flush(0)
		h := strings.TrimSpace(t[level:])
		if trimmed := strings.TrimRight(h, "#"); trimmed == "" || strings.HasSuffix(trimmed, " ") {
			h = strings.TrimSpace(trimmed)
		}
		r.para = append(r.para, h)
		r.flush(level)
	case r.inTable && strings.Contains(t, "|"):
	case isTableRule(t):
		if len(r.para) == 1 && strings.Contains(r.para[0], "|") {
			r.para = r.para[:0]
		}
		r.flush(0)
		r.inTable = true
	case len(r.para) == 0 && isRefDef(t):
	default:
		r.para = append(r.para, strings.TrimSuffix(strings.TrimRight(content, " \t"), "\\"))
	}
}

// flush ends the open paragraph; level is its heading level, 0 for none.
func (r *mdReader) flush(level int) {
	if len(r.para) == 0 {
		return
	}
	p := cleanText(mdInline(strings.Join(r.para, " ")), mdFlags)
	r.para = r.para[:0]
	if p == "" {
		return
	}
	if level == 1 && r.a.Title == "" && len(r.paras) == 0 {
		r.a.Title = p
		return
	}
	r.paras = append(r.paras, p)
}

// stripContainers removes blockquote markers and list markers from the
// start of a line, reporting whether a list item starts here.
func stripContainers(line string) (string, bool) {
	item := false
	for {
		t := strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(t, ">"):
			line = strings.TrimPrefix(t[1:], " ")
			continue
		case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') && !isBreak(t):
			line, item = t[2:], true
			continue
		}
		n := 0
		for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
			n++
		}
		if n > 0 && n+1 < len(t) && (t[n] == '.' || t[n] == ')') && (t[n+1] == ' ' || t[n+1] == '\t') {
			line, item = t[n+2:], true
			continue
		}
		return line, item
	}
}

// isRun reports whether t is one character repeated (a setext underline).
func isRun(t string, c byte) bool {
	return strings.Trim(t, string(c)+" ") == "" && strings.Count(t, string(c)) >= 2
}

// isBreak reports whether t is a thematic break: three or more "-", "*" or
// "_" and nothing else but spaces.
func isBreak(t string) bool {
	for _, c := range []string{"-", "*", "_"} {
		if strings.Count(t, c) >= 3 && strings.Trim(t, c+" \t") == "" {
			return true
		}
	}
	return false
}

// isTableRule reports whether t is a table's delimiter row ("|---|:-:|").
func isTableRule(t string) bool {
	return strings.Contains(t, "-") && strings.Contains(t, "|") && strings.Trim(t, "|-: \t") == ""
}

// isRefDef reports whether t is a link reference definition ("[x]: url").
func isRefDef(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	end := strings.Index(t, "]:")
	return end > 1 && !strings.Contains(t[:end], "]")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

package article

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// splitFrontMatter splits "---\n<yaml>\n---\n<body>" into the YAML and
// the body; fm is "" when there is no front matter. The YAML starts on the
// file's second line.
func splitFrontMatter(s string) (fm, body string, err error) {
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return "", s, nil
	}
	start := strings.IndexByte(s, '\n') + 1
	for off := start; off < len(s); {
		next := len(s)
		if end := strings.IndexByte(s[off:], '\n'); end >= 0 {
			next = off + end + 1
		}
		if l := strings.TrimRight(s[off:next], "\r\n \t"); l == "---" || l == "..." {
			return s[start:off], s[next:], nil
		}
		off = next
	}
	return "", "", &inputError{line: 1, err: fmt.Errorf("%w: no closing \"---\" line", ErrFrontMatter)}
}

// yamlLine finds "line N: " in yaml.v3 messages.
var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// readFrontMatter reads the YAML front matter fm, whose first line is
// firstLine in the file, into a. Errors carry the file's line number.
func readFrontMatter(a *Article, fm string, firstLine int) error {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &doc); err != nil {
		msg, line := strings.TrimPrefix(err.Error(), "yaml: "), 0
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			msg = te.Errors[0]
		}
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			msg, line = m[2], n+firstLine-1
			if strings.HasPrefix(msg, "did not find expected") && n > 0 {
				// yaml.v3 numbers these parser errors from the line where
				// the unclosed construct began, counting from 0.
				line++
			}
		}
		return &inputError{line: line, err: fmt.Errorf("%w: %s", ErrFrontMatter, msg)}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fmErr(root, firstLine, "", "expected key: value lines")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i].Value, root.Content[i+1]
		var err error
		switch key {
		case "title":
			a.Title, err = fmString(val, firstLine, key)
			a.Title = cleanText(a.Title, 0)
		case "url", "canonical_url", "canonical":
			var u string
			if u, err = fmString(val, firstLine, key); err == nil && u != "" {
				if pu, perr := url.Parse(u); perr != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
					err = fmErr(val, firstLine, key, fmt.Sprintf("%q is not an absolute http(s) URL", u))
				} else if a.URL == "" {
					a.URL = u
				}
			}
		case "keywords", "tags":
			var kw []string
			kw, err = fmList(val, firstLine, key)
			a.Keywords = mergeKeywords(a.Keywords, kw...)
		case "image":
			a.Image, err = fmString(val, firstLine, key)
		case "lang", "language":
			var l string
			l, err = fmString(val, firstLine, key)
			a.Lang = normalizeLang(l)
		case "draft":
			var d string
			if d, err = fmString(val, firstLine, key); err == nil {
				switch strings.ToLower(d) {
				case "true", "yes":
					a.Draft = true
				case "false", "no", "":
					a.Draft = false
				default:
					err = fmErr(val, firstLine, key, fmt.Sprintf("%q is not true or false", d))
				}
			}
		case "embargo":
			var d string
			if d, err = fmString(val, firstLine, key); err == nil && d != "" {
				if a.Embargo, err = parseTime(d); err != nil {
					err = fmErr(val, firstLine, key, fmt.Sprintf("cannot read %q as a date; use 2026-03-01 or RFC 3339", d))
				}
			}
		case "teaser":
			a.Teaser, err = fmString(val, firstLine, key)
			a.Teaser = cleanText(a.Teaser, 0)
		case "hashtags":
			var tags []string
			tags, err = fmList(val, firstLine, key)
			a.Hashtags = mergeKeywords(nil, tags...)
		case "published", "date":
			var d string
			if d, err = fmString(val, firstLine, key); err == nil && d != "" && a.Published.IsZero() {
				if a.Published, err = parseTime(d); err != nil {
					err = fmErr(val, firstLine, key, fmt.Sprintf("cannot read %q as a date; use 2026-03-01 or RFC 3339", d))
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func fmErr(n *yaml.Node, firstLine int, key, msg string) error {
	if key != "" {
		msg = key + ": " + msg
	}
	return &inputError{line: n.Line + firstLine - 1, err: fmt.Errorf("%w: %s", ErrFrontMatter, msg)}
}

// fmString returns a scalar value; null is "".
func fmString(n *yaml.Node, firstLine int, key string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", fmErr(n, firstLine, key, "expected a single value")
	}
	if n.Tag == "!!null" {
		return "", nil
	}
	return strings.TrimSpace(n.Value), nil
}

// fmList returns a list of scalars, or a comma-separated string split.
func fmList(n *yaml.Node, firstLine int, key string) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil, nil
		}
		return strings.Split(n.Value, ","), nil
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, fmErr(c, firstLine, key, "expected a list of words or phrases")
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, fmErr(n, firstLine, key, "expected a list or a comma-separated string")
}

// mergeKeywords appends cleaned keywords not already present (ignoring case).
func mergeKeywords(have []string, add ...string) []string {
	for _, k := range add {
		k = cleanText(k, decodeEntities)
		k = strings.TrimPrefix(k, "#")
		if k == "" {
			continue
		}
		dup := false
		for _, h := range have {
			if strings.EqualFold(h, k) {
				dup = true
				break
			}
		}
		if !dup {
			have = append(have, k)
		}
	}
	return have
}

// timeLayouts are the date forms accepted in front matter and meta tags.
var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05",
	"2006-01-02 15:04", "2006-01-02", time.RFC1123Z, time.RFC1123,
}

// parseTime reads a date or date-time; times without a zone are UTC.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date", s)
}

package lexicon

import (
	"encoding/json"
	"fmt"
	"math"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/rivo/uniseg"
)

// walker collects every violation of one value, each naming its JSON path.
type walker struct {
	c    *Catalog
	errs *[]error
}

func (w *walker) fail(at, format string, args ...any) {
	*w.errs = append(*w.errs, fmt.Errorf("%s: %s", at, fmt.Sprintf(format, args...)))
}

// value checks v against d; base is the NSID that local refs resolve in.
func (w *walker) value(base, at string, d *Def, v any) {
	switch d.Type {
	case "ref":
		target, err := w.c.lookup(d.Ref, base)
		if err != nil {
			w.fail(at, "%v", err)
			return
		}
		w.value(refBase(d.Ref, base), at, target, v)
	case "union":
		w.union(base, at, d, v)
	case "record":
		w.value(base, at, d.Record, v)
	case "object":
		w.object(base, at, d, v)
	case "array":
		w.array(base, at, d, v)
	case "string":
		w.string(at, d, v)
	case "integer":
		w.integer(at, d, v)
	case "boolean":
		if _, ok := v.(bool); !ok {
			w.fail(at, "want a boolean, got %s", kind(v))
		}
	case "blob":
		w.blob(at, d, v)
	case "unknown":
		w.unknown(at, v)
	default:
		w.fail(at, "schema type %q is not supported by this validator", d.Type)
	}
}

func (w *walker) object(base, at string, d *Def, v any) {
	obj, ok := v.(map[string]any)
	if !ok {
		w.fail(at, "want an object, got %s", kind(v))
		return
	}
	for _, name := range d.Required {
		if _, ok := obj[name]; !ok {
			w.fail(at, "required field %q is missing", name)
		}
	}
	names := make([]string, 0, len(obj))
	for name := range obj {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fv := obj[name]
		prop, ok := d.Properties[name]
		switch {
		case name == "$type":
			if s, ok := fv.(string); !ok || s == "" {
				w.fail(at+".$type", "want a non-empty string")
			}
		case !ok:
			if w.c.Strict {
				w.fail(at, "field %q is not in the schema", name)
			}
		case fv == nil:
			if !slices.Contains(d.Nullable, name) {
				w.fail(at+"."+name, "null is not allowed")
			}
		default:
			w.value(base, at+"."+name, prop, fv)
		}
	}
}

func (w *walker) array(base, at string, d *Def, v any) {
	arr, ok := v.([]any)
	if !ok {
		w.fail(at, "want an array, got %s", kind(v))
		return
	}
	if d.MaxLength != nil && len(arr) > *d.MaxLength {
		w.fail(at, "%d items, over maxLength %d", len(arr), *d.MaxLength)
	}
	if d.MinLength != nil && len(arr) < *d.MinLength {
		w.fail(at, "%d items, under minLength %d", len(arr), *d.MinLength)
	}
	for i, item := range arr {
		w.value(base, fmt.Sprintf("%s[%d]", at, i), d.Items, item)
	}
}

func (w *walker) string(at string, d *Def, v any) {
	s, ok := v.(string)
	if !ok {
		w.fail(at, "want a string, got %s", kind(v))
		return
	}
	if d.MaxLength != nil && len(s) > *d.MaxLength {
		w.fail(at, "%d UTF-8 bytes, over maxLength %d", len(s), *d.MaxLength)
	}
	if d.MinLength != nil && len(s) < *d.MinLength {
		w.fail(at, "%d UTF-8 bytes, under minLength %d", len(s), *d.MinLength)
	}
	if d.MaxGraphemes != nil || d.MinGraphemes != nil {
		n := uniseg.GraphemeClusterCount(s)
		if d.MaxGraphemes != nil && n > *d.MaxGraphemes {
			w.fail(at, "%d graphemes, over maxGraphemes %d", n, *d.MaxGraphemes)
		}
		if d.MinGraphemes != nil && n < *d.MinGraphemes {
			w.fail(at, "%d graphemes, under minGraphemes %d", n, *d.MinGraphemes)
		}
	}
	if d.Const != nil && d.Const != s {
		w.fail(at, "%q, want const %v", s, d.Const)
	}
	if len(d.Enum) > 0 && !slices.Contains(d.Enum, any(s)) {
		w.fail(at, "%q is not one of %v", s, d.Enum)
	}
	if d.Format != "" {
		if err := checkFormat(d.Format, s); err != nil {
			w.fail(at, "%q is not a valid %s: %v", s, d.Format, err)
		}
	}
}

func (w *walker) integer(at string, d *Def, v any) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) {
		w.fail(at, "want an integer, got %s", kind(v))
		return
	}
	n := int64(f)
	if d.Minimum != nil && n < *d.Minimum {
		w.fail(at, "%d is under minimum %d", n, *d.Minimum)
	}
	if d.Maximum != nil && n > *d.Maximum {
		w.fail(at, "%d is over maximum %d", n, *d.Maximum)
	}
}

// union checks that v names its type in $type, that the type is one of the
// union's refs (unless the union is open and the type unknown here), and
// that v is valid as that type.
func (w *walker) union(base, at string, d *Def, v any) {
	obj, ok := v.(map[string]any)
	if !ok {
		w.fail(at, "want an object with $type, got %s", kind(v))
		return
	}
	t, _ := obj["$type"].(string)
	if t == "" {
		w.fail(at, "a union member needs $type (one of %v)", d.Refs)
		return
	}
	for _, ref := range d.Refs {
		if fullRef(ref, base) == strings.TrimSuffix(t, "#main") {
			target, err := w.c.lookup(ref, base)
			if err != nil {
				w.fail(at, "%v", err)
				return
			}
			w.value(refBase(ref, base), at, target, v)
			return
		}
	}
	w.fail(at, "$type %q is not one of the union's refs %v", t, d.Refs)
}

// blob checks a blob reference: {$type: blob, ref: {$link}, mimeType, size}.
func (w *walker) blob(at string, d *Def, v any) {
	obj, ok := v.(map[string]any)
	if !ok || obj["$type"] != "blob" {
		w.fail(at, "want a blob object with $type \"blob\", got %s", kind(v))
		return
	}
	ref, _ := obj["ref"].(map[string]any)
	if link, _ := ref["$link"].(string); checkFormat("cid", link) != nil {
		w.fail(at+".ref", "want {\"$link\": CID}")
	}
	mime, _ := obj["mimeType"].(string)
	if len(d.Accept) > 0 && !slices.ContainsFunc(d.Accept, func(p string) bool { ok, _ := path.Match(p, mime); return ok }) {
		w.fail(at+".mimeType", "%q is not accepted (%v)", mime, d.Accept)
	}
	size, ok := obj["size"].(float64)
	if !ok || size < 0 {
		w.fail(at+".size", "want a non-negative integer")
	} else if d.MaxSize != nil && int64(size) > *d.MaxSize {
		w.fail(at+".size", "%d bytes, over maxSize %d", int64(size), *d.MaxSize)
	}
}

// unknown accepts any object; one whose $type is a loaded record lexicon
// is validated as that record (createRecord's "record").
func (w *walker) unknown(at string, v any) {
	obj, ok := v.(map[string]any)
	if !ok {
		w.fail(at, "want an object, got %s", kind(v))
		return
	}
	t, _ := obj["$type"].(string)
	if d, err := w.c.lookup(t, ""); err == nil && d.Type == "record" {
		w.value(t, at, d, v)
	}
}

func refBase(ref, base string) string {
	if nsid, _, _ := strings.Cut(ref, "#"); nsid != "" {
		return nsid
	}
	return base
}

func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v)
}

package config

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
)

var secretType = reflect.TypeFor[Secret]()

var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

// fields lists the keys of a struct type as written in config.yaml, by their
// mapstructure tags. The map is shared: do not change it.
func fields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
		if name == "" || name == "-" {
			continue
		}
		out[name] = f.Type
	}
	fieldCache.Store(t, out)
	return out
}

// typeAt follows a key such as "schedules[0].cron" from Config and returns
// the type held there, or nil when the key does not exist.
func typeAt(key string) reflect.Type {
	t := reflect.TypeFor[Config]()
	if key == "" {
		return t
	}
	for _, part := range strings.Split(key, ".") {
		name, _, indexed := strings.Cut(part, "[")
		if t.Kind() != reflect.Struct {
			return nil
		}
		ft, ok := fields(t)[name]
		if !ok {
			return nil
		}
		t = ft
		if indexed {
			if t.Kind() != reflect.Slice {
				return nil
			}
			t = t.Elem()
		}
	}
	return t
}

// leafKeys lists the dotted keys of every scalar (or list of scalars) under
// t, e.g. "log.format", "utm.source".
func leafKeys(t reflect.Type, prefix string) []string {
	var out []string
	for name, ft := range fields(t) {
		key := prefix + name
		switch {
		case ft.Kind() == reflect.Struct:
			out = append(out, leafKeys(ft, key+".")...)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			// lists of entries are reached by name, not as one key
		default:
			out = append(out, key)
		}
	}
	sort.Strings(out)
	return out
}

// secretKeys lists the keys of t whose values are secrets.
func secretKeys(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for name, ft := range fields(t) {
		if ft == secretType {
			out[name] = true
		}
	}
	return out
}

// suggest returns the known key nearest to the unknown key (its last part),
// or "" when none is close enough to be a likely typo.
func suggest(key string) string {
	parent, last := "", key
	if i := strings.LastIndex(key, "."); i >= 0 {
		parent, last = key[:i], key[i+1:]
	}
	t := typeAt(parent)
	if t == nil || t.Kind() != reflect.Struct {
		return ""
	}
	best, bestD := "", 3
	names := make([]string, 0)
	for name := range fields(t) {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		d := distance(last, name)
		if d < bestD && d <= (len(name)+1)/2 {
			best, bestD = name, d
		}
	}
	return best
}

// distance is the optimal string alignment distance: edits, with a swap of
// two neighbours counting as one ("netwroks" is 1 from "networks").
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// unknownKeys lists the keys of raw that Config does not have, such as
// "schedules[0].crn", without descending into them. (mapstructure's
// Metadata.Unused would miss those of any entry that also has a type error.)
func unknownKeys(v any, key string) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		if t := typeAt(key); t == nil || t.Kind() != reflect.Struct {
			return nil
		}
		for _, k := range sortedKeys(v) {
			child := join(key, k)
			if typeAt(child) == nil {
				out = append(out, child)
				continue
			}
			out = append(out, unknownKeys(v[k], child)...)
		}
	case []any:
		if t := typeAt(key); t == nil || t.Kind() != reflect.Slice {
			return nil
		}
		for i, e := range v {
			out = append(out, unknownKeys(e, fmt.Sprintf("%s[%d]", key, i))...)
		}
	}
	return out
}

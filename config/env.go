package config

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// EnvPrefix starts every environment variable that overrides config.yaml.
const EnvPrefix = "HOOKLINE_"

// envMap turns KEY=VALUE lines into a map; the last line for a key wins.
func envMap(env []string) map[string]string {
	m := make(map[string]string, len(env))
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
			m[k] = v
		}
	}
	return m
}

// EnvName is the part of an environment variable that stands for an entry
// name: "x-main" → "X_MAIN".
func EnvName(name string) string {
	return strings.ToUpper(strings.NewReplacer("-", "_", ".", "_", " ", "_").Replace(name))
}

// expandAll replaces ${VAR} in every string value of v (in place for maps and
// lists), naming the key of each unset variable.
func expandAll(v any, key string, env map[string]string, errs *[]error) any {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			v[k] = expandAll(v[k], join(key, k), env, errs)
		}
		return v
	case []any:
		for i := range v {
			v[i] = expandAll(v[i], fmt.Sprintf("%s[%d]", key, i), env, errs)
		}
		return v
	case string:
		s, err := expand(v, env)
		var unset *UnsetError
		switch {
		case errors.As(err, &unset):
			unset.Key = key
			*errs = append(*errs, unset)
		case err != nil:
			*errs = append(*errs, &FieldError{Key: key, Msg: err.Error()})
		}
		return s
	}
	return v
}

// expand replaces ${VAR} and ${VAR:-default} in s; "$${" stands for a
// literal "${" and any other "$" is kept as is, so a password such as
// "pa$word" needs no escaping.
func expand(s string, env map[string]string) (string, error) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			b.WriteString("${")
			i += 3
		case strings.HasPrefix(s[i:], "${"):
			end := strings.IndexByte(s[i+2:], '}')
			if end < 0 {
				return s, fmt.Errorf("unterminated ${ (write $${ for a literal ${)")
			}
			expr := s[i+2 : i+2+end]
			name, def, hasDef := strings.Cut(expr, ":-")
			if !validVar(name) {
				return s, fmt.Errorf("%q: not a variable name (letters, digits and _)", "${"+expr+"}")
			}
			val, ok := env[name]
			switch {
			case hasDef && val == "":
				val = def
			case !ok:
				return "", &UnsetError{Var: name}
			}
			b.WriteString(val)
			i += 2 + end + 1
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String(), nil
}

// UnsetError is a ${VAR} whose variable is not set. It is an ErrInvalid
// for the commands that post; LoadLax leaves an unset secret empty instead.
type UnsetError struct {
	// Key is the key that names the variable, as written
	// ("networks[1].access_token"); Var is the variable.
	Key, Var string
}

// Error names the key and says what to do. Hookline reads only its own
// environment: an EnvironmentFile of a systemd unit is read by systemd, not
// by a shell.
func (e *UnsetError) Error() string {
	return fmt.Sprintf("%s: ${%s} is not set; export %s=... in the environment that runs hookline, or write ${%s:-default} in the file",
		e.Key, e.Var, e.Var, e.Var)
}

// Unwrap makes an unset variable an ErrInvalid.
func (e *UnsetError) Unwrap() error { return ErrInvalid }

func validVar(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		if r != '_' && (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// namedLists are the lists whose entries environment variables reach by
// name: HOOKLINE_NETWORKS_<NAME>_<FIELD>.
var namedLists = []string{"networks", "sources", "schedules"}

// applyEnv sets the values that HOOKLINE_ variables override. Values from
// the environment are taken as they are, never expanded again.
func applyEnv(raw map[string]any, env map[string]string) []Warning {
	used := map[string]bool{}
	for _, key := range leafKeys(reflect.TypeFor[Config](), "") {
		name := EnvPrefix + EnvName(key)
		if val, ok := env[name]; ok {
			setPath(raw, key, envValue(val, typeAt(key)))
			used[name] = true
		}
	}
	for _, list := range namedLists {
		entries, _ := raw[list].([]any)
		elem := typeAt(list + "[0]")
		keys := leafKeys(elem, "")
		for _, e := range entries {
			entry, ok := e.(map[string]any)
			if !ok {
				continue
			}
			name, _ := entry["name"].(string)
			if name == "" {
				continue
			}
			prefix := EnvPrefix + EnvName(list) + "_" + EnvName(name) + "_"
			for _, key := range keys {
				if key == "name" {
					continue
				}
				if val, ok := env[prefix+EnvName(key)]; ok {
					setPath(entry, key, envValue(val, typeAt(list+"[0]."+key)))
					used[prefix+EnvName(key)] = true
				}
			}
		}
	}
	var warns []Warning
	for _, k := range sortedKeys(env) {
		if used[k] {
			continue
		}
		for _, list := range namedLists {
			if strings.HasPrefix(k, EnvPrefix+EnvName(list)+"_") {
				warns = append(warns, Warning{Key: k, Msg: fmt.Sprintf(
					"environment variable matches no %s entry and key (write %s%s_<NAME>_<KEY>, the name upper-cased with '-' as '_')",
					list, EnvPrefix, EnvName(list))})
			}
		}
	}
	return warns
}

// envValue splits a comma-separated value for keys that hold lists.
func envValue(val string, t reflect.Type) any {
	if t == nil || t.Kind() != reflect.Slice {
		return val
	}
	var out []any
	for _, part := range strings.Split(val, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// setPath sets a dotted key in nested maps, making the maps it needs.
func setPath(m map[string]any, key string, val any) {
	parts := strings.Split(key, ".")
	for _, p := range parts[:len(parts)-1] {
		next, ok := m[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[p] = next
		}
		m = next
	}
	m[parts[len(parts)-1]] = val
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	if key == "" {
		return prefix
	}
	return prefix + "." + key
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

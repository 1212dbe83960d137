package config

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
)

// CheckPermissions warns when the config file at path holds a secret
// written in it (not a ${VAR} reference) and can be read by group or others.
// Load runs it on every file it reads.
func CheckPermissions(path string) []Warning {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return checkPermissions(path, data)
}

func checkPermissions(path string, data []byte) []Warning {
	if runtime.GOOS == "windows" {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o044 == 0 {
		return nil
	}
	key := literalSecret(data)
	if key == "" {
		return nil
	}
	return []Warning{{Key: key, Msg: fmt.Sprintf(
		"a secret is written in the file and %s is readable by other users (mode %04o); run chmod 600 %s, or move the secret to the environment as ${VAR}",
		path, fi.Mode().Perm(), path)}}
}

// literalSecret returns the key of the first secret written literally in
// config bytes, or "".
func literalSecret(data []byte) string {
	raw, errs := readYAML(data)
	if errs != nil {
		return ""
	}
	literal := func(m map[string]any, names map[string]bool) string {
		for _, k := range sortedKeys(m) {
			if s, ok := m[k].(string); ok && names[k] && strings.TrimSpace(s) != "" && !onlyReferences(s) {
				return k
			}
		}
		return ""
	}
	if web, ok := raw["web"].(map[string]any); ok {
		if k := literal(web, secretKeys(reflect.TypeFor[Web]())); k != "" {
			return "web." + k
		}
	}
	entries, _ := raw["networks"].([]any)
	names := secretKeys(reflect.TypeFor[Account]())
	for i, e := range entries {
		entry, _ := e.(map[string]any)
		if k := literal(entry, names); k != "" {
			return fmt.Sprintf("networks[%d].%s", i, k)
		}
	}
	return ""
}

// onlyReferences reports whether s is made of ${VAR} references alone.
func onlyReferences(s string) bool {
	for s != "" {
		if !strings.HasPrefix(s, "${") {
			return false
		}
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return false
		}
		s = s[end+1:]
	}
	return true
}

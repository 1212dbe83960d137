package config

import (
	"fmt"
	"reflect"

	"gopkg.in/yaml.v3"
)

// Redacted returns a copy of c with every secret replaced by "[redacted]",
// credentials in source URLs included (see RedactURL), safe to print, log or
// encode with any encoder.
func (c *Config) Redacted() *Config {
	r := *c
	r.Sources = append([]Source(nil), c.Sources...)
	for i, s := range r.Sources {
		r.Sources[i].URL = RedactURL(s.URL)
		if s.URLs != nil {
			r.Sources[i].URLs = make([]string, len(s.URLs))
			for j, u := range s.URLs {
				r.Sources[i].URLs[j] = RedactURL(u)
			}
		}
	}
	r.Schedules = append([]Schedule(nil), c.Schedules...)
	r.Networks = append([]Account(nil), c.Networks...)
	for _, s := range secretsOf(&r) {
		if *s != "" {
			*s = redacted
		}
	}
	return &r
}

// SecretValues returns the values of every Secret field of the struct v
// (or pointer to one), nested structs included, empty ones too: what a
// publisher teaches the process's redactor, whatever config type it keeps
// (an Account, or a network kind's own Config).
func SecretValues(v any) []string {
	var out []string
	for _, p := range secretFields(reflect.ValueOf(v)) {
		out = append(out, p.String())
	}
	return out
}

// secretsOf points at every Secret field of the struct v points at,
// nested structs and slices of them included: for a *Config, web.token and
// each account's credentials.
func secretsOf(v any) []*Secret {
	var out []*Secret
	for _, f := range secretFields(reflect.ValueOf(v)) {
		out = append(out, f.Addr().Interface().(*Secret))
	}
	return out
}

// secretFields are the Secret fields of the struct v, depth first, in
// nested structs and in slices of structs.
func secretFields(v reflect.Value) []reflect.Value {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	var out []reflect.Value
	for i := range v.NumField() {
		f := v.Field(i)
		switch {
		case !v.Type().Field(i).IsExported():
		case f.Type() == secretType:
			out = append(out, f)
		case f.Kind() == reflect.Struct:
			out = append(out, secretFields(f)...)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			for j := range f.Len() {
				out = append(out, secretFields(f.Index(j))...)
			}
		}
	}
	return out
}

// Show renders the effective config as YAML with every secret redacted.
func Show(c *Config) ([]byte, error) {
	out, err := yaml.Marshal(c.Redacted())
	if err != nil {
		return nil, fmt.Errorf("config: show: %w", err)
	}
	return out, nil
}

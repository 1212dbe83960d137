package config

import (
	"fmt"

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
	r.Networks = make([]Account, len(c.Networks))
	for i, a := range c.Networks {
		for _, s := range a.secrets() {
			if *s != "" {
				*s = redacted
			}
		}
		r.Networks[i] = a
	}
	if c.Networks == nil {
		r.Networks = nil
	}
	return &r
}

// SecretValues returns the values of a's credentials, empty ones
// included: what a publisher teaches the process's redactor.
func (a Account) SecretValues() []string {
	ps := a.secrets()
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Value()
	}
	return out
}

// secrets points at every Secret field of a.
func (a *Account) secrets() []*Secret {
	return []*Secret{&a.ConsumerKey, &a.ConsumerSecret, &a.AccessToken, &a.AccessSecret, &a.ClientSecret, &a.RefreshToken, &a.AppPassword}
}

// Show renders the effective config as YAML with every secret redacted.
func Show(c *Config) ([]byte, error) {
	out, err := yaml.Marshal(c.Redacted())
	if err != nil {
		return nil, fmt.Errorf("config: show: %w", err)
	}
	return out, nil
}

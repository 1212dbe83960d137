package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Validate reports every problem at once, joined, each a *FieldError that
// names the key as written in config.yaml and wraps ErrInvalid. It expects
// defaults to be filled (WithDefaults).
func (c *Config) Validate() error {
	v := &validator{}
	v.oneOf("log.format", c.Log.Format, "text", "json")
	v.oneOf("log.level", c.Log.Level, "debug", "info", "warn", "error")
	if c.State == "" {
		v.add("state", "required: the SQLite file, such as ./hookline.db")
	}
	if _, err := time.LoadLocation(c.Timezone); err != nil {
		v.add("timezone", fmt.Sprintf("%q is not a time zone; use an IANA name such as Europe/Paris, UTC or Local", c.Timezone))
	}
	if c.Listen != "" {
		if _, port, err := net.SplitHostPort(c.Listen); err != nil || port == "" {
			v.add("listen", fmt.Sprintf("%q is not host:port, such as 127.0.0.1:9090", c.Listen))
		} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
			v.add("listen", fmt.Sprintf("%q: port must be a number from 0 to 65535", c.Listen))
		}
	}
	v.web(c)
	v.nonNegative("shutdown_timeout", int64(c.ShutdownTimeout))
	v.nonNegative("teaser.variant", int64(c.Teaser.Variant))
	v.nonNegative("teaser.hashtags", int64(c.Teaser.Hashtags))
	if c.Teaser.Hashtags > MaxHashtags {
		v.add("teaser.hashtags", fmt.Sprintf("%d is above %d; lower it", c.Teaser.Hashtags, MaxHashtags))
	}

	sources := map[string]bool{}
	for i, s := range c.Sources {
		v.source(fmt.Sprintf("sources[%d]", i), s, sources)
	}
	accounts := map[string]bool{}
	for i, a := range c.Networks {
		v.account(fmt.Sprintf("networks[%d]", i), a, accounts)
		if a.Review != "" {
			v.oneOf(fmt.Sprintf("networks[%d].review", i), a.Review, ReviewAuto, ReviewApprove)
		}
	}
	schedules := map[string]bool{}
	for i, s := range c.Schedules {
		key := fmt.Sprintf("schedules[%d]", i)
		v.name(key, s.Name, schedules)
		if _, err := ParseCron(s.Cron); err != nil {
			v.add(key+".cron", err.Error())
		}
		if s.Timezone != "" {
			if _, err := time.LoadLocation(s.Timezone); err != nil {
				v.add(key+".timezone", fmt.Sprintf("%q is not a time zone; use an IANA name such as Europe/Paris, UTC or Local", s.Timezone))
			}
		}
		for j, name := range s.Sources {
			if !sources[name] {
				v.add(fmt.Sprintf("%s.sources[%d]", key, j), fmt.Sprintf("no source named %q%s", name, known(c.Sources, func(s Source) string { return s.Name })))
			}
		}
		for j, name := range s.Networks {
			if !accounts[name] {
				v.add(fmt.Sprintf("%s.networks[%d]", key, j), fmt.Sprintf("no account named %q in networks%s", name, known(c.Networks, func(a Account) string { return a.Name })))
			}
		}
		if s.PerRun < 1 {
			v.add(key+".per_run", fmt.Sprintf("must be at least 1, got %d", s.PerRun))
		}
		v.oneOf(key+".order", s.Order, OrderNewest, OrderOldest, OrderRandom)
		v.oneOf(key+".catch_up", s.CatchUp, CatchUpSkip, CatchUpOnce)
		v.oneOf(key+".review", s.Review, ReviewAuto, ReviewApprove)
		v.nonNegative(key+".auto_approve_after", int64(s.AutoApproveAfter))
		v.nonNegative(key+".reshare_after", int64(s.ReshareAfter))
		v.nonNegative(key+".max_age", int64(s.MaxAge))
		v.nonNegative(key+".jitter", int64(s.Jitter))
		if _, err := ParseWindow(s.Quiet); err != nil {
			v.add(key+".quiet", err.Error())
		}
		v.keywords(key+".include", s.Include)
		v.keywords(key+".exclude", s.Exclude)
	}
	return errors.Join(v.errs...)
}

type validator struct{ errs []error }

func (v *validator) add(key, msg string) { v.errs = append(v.errs, &FieldError{Key: key, Msg: msg}) }

func (v *validator) oneOf(key, val string, allowed ...string) {
	if !slices.Contains(allowed, val) {
		v.add(key, fmt.Sprintf("%q is not one of %s", val, strings.Join(allowed, ", ")))
	}
}

func (v *validator) nonNegative(key string, n int64) {
	if n < 0 {
		v.add(key, "must not be negative")
	}
}

// name checks an entry's name: present, unique, and usable in an
// environment variable name.
func (v *validator) name(key, name string, seen map[string]bool) {
	switch {
	case name == "":
		v.add(key+".name", "required")
	case seen[name]:
		v.add(key+".name", fmt.Sprintf("%q is used twice; names must be unique", name))
	case strings.TrimFunc(name, func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}) != "":
		v.add(key+".name", fmt.Sprintf("%q: use only letters, digits, '-', '_' and '.'", name))
	}
	seen[name] = true
}

// httpURL checks that s is an absolute http or https URL.
func (v *validator) httpURL(key, s string) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add(key, fmt.Sprintf("%q is not an http(s) URL", RedactURL(s)))
	}
}

func known[T any](list []T, name func(T) string) string {
	var names []string
	for _, e := range list {
		if n := name(e); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return " (none are defined)"
	}
	return " (known: " + strings.Join(names, ", ") + ")"
}

// web checks the review page's keys: a long enough token, a clean base
// path, and a loopback listen address unless allow_remote says otherwise.
func (v *validator) web(c *Config) {
	w := c.Web
	if w.BasePath != "" {
		if !strings.HasPrefix(w.BasePath, "/") || strings.HasSuffix(w.BasePath, "/") || strings.ContainsAny(w.BasePath, "?#% \"") ||
			strings.Contains(w.BasePath, "//") || strings.Contains(w.BasePath, "/..") {
			v.add("web.base_path", fmt.Sprintf("%q: want a path such as /hookline (a leading /, no trailing /)", w.BasePath))
		}
	}
	if !w.Enabled {
		return
	}
	if n := len(w.Token.Value()); n < MinWebTokenLen {
		v.add("web.token", fmt.Sprintf("required when web.enabled is true, at least %d characters (got %d); set HOOKLINE_WEB_TOKEN, such as the output of: openssl rand -hex 24", MinWebTokenLen, n))
	}
	host, _, err := net.SplitHostPort(c.Listen)
	if err != nil || w.AllowRemote {
		return
	}
	if !isLoopback(host) {
		v.add("listen", fmt.Sprintf("%q is not a loopback address and web.enabled is true: other machines could reach the review page; listen on 127.0.0.1, or set web.allow_remote: true to mean it", c.Listen))
	}
}

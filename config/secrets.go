package config

import (
	"net/url"
	"slices"
	"strings"
)

// Secrets lists every credential of c, for a redactor: its Secret fields
// (web.token, each account's) and the credentials in source URLs (see
// RedactURL).
func (c *Config) Secrets() []string {
	var out []string
	for _, s := range secretsOf(c) {
		if *s != "" {
			out = append(out, s.Value())
		}
	}
	for _, s := range c.Sources {
		for _, u := range append([]string{s.URL}, s.URLs...) {
			out = append(out, urlSecrets(u)...)
		}
	}
	return out
}

// credentialParams are query parameters whose value is a credential, by
// lower-case name; names ending in one of credentialSuffixes are too.
var (
	credentialParams   = []string{"token", "key", "apikey", "api_key", "api-key", "access_token", "secret", "password", "passwd", "pass", "pwd", "auth", "sig", "signature"}
	credentialSuffixes = []string{"_token", "-token", "_key", "-key", "_secret", "-secret", "password"}
)

func isCredentialParam(name string) bool {
	name = strings.ToLower(name)
	if slices.Contains(credentialParams, name) {
		return true
	}
	for _, s := range credentialSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// RedactURL returns raw with its credentials replaced by "[redacted]": the
// user information (user:password@) and the values of query parameters
// named like credentials (token, key, api_key, access_token, secret,
// password, …). The URL used to fetch is never changed; this is for
// showing it.
func RedactURL(raw string) string {
	shown, _ := urlCredentials(raw)
	return shown
}

// urlSecrets lists the credentials RedactURL hides in raw, as written and
// decoded: the user information, the password alone, and the values of
// credential parameters.
func urlSecrets(raw string) []string {
	_, secrets := urlCredentials(raw)
	return secrets
}

// urlCredentials reads raw once for both: the URL as shown, credentials
// replaced, and the credentials themselves.
func urlCredentials(raw string) (shown string, secrets []string) {
	add := func(s string) {
		if s == "" {
			return
		}
		secrets = append(secrets, s)
		if d, err := url.QueryUnescape(s); err == nil && d != s {
			secrets = append(secrets, d)
		}
	}
	rest, frag, hasFrag := strings.Cut(raw, "#")
	base, query, hasQuery := strings.Cut(rest, "?")
	if scheme, after, ok := strings.Cut(base, "://"); ok {
		authority, path, hasPath := strings.Cut(after, "/")
		if at := strings.LastIndexByte(authority, '@'); at >= 0 {
			info := authority[:at]
			add(info)
			if _, pw, ok := strings.Cut(info, ":"); ok {
				add(pw)
			}
			authority = redacted + authority[at:]
		}
		base = scheme + "://" + authority
		if hasPath {
			base += "/" + path
		}
	}
	shown = base
	if hasQuery {
		params := strings.Split(query, "&")
		for i, p := range params {
			name, value, hasValue := strings.Cut(p, "=")
			if n, err := url.QueryUnescape(name); err == nil {
				name = n
			}
			if hasValue && isCredentialParam(name) {
				add(value)
				params[i] = p[:strings.IndexByte(p, '=')+1] + redacted
			}
		}
		shown += "?" + strings.Join(params, "&")
	}
	if hasFrag {
		shown += "#" + frag
	}
	return shown, secrets
}

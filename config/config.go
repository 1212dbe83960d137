// Package config reads config.yaml (through viper, at the edge) into a typed
// Config with defaults, environment overrides and validation.
package config

import (
	"time"

	"github.com/hookline/hookline/redact"
)

// Config is the whole of config.yaml.
type Config struct {
	// State is the SQLite file. Defaults to "./hookline.db".
	State string `mapstructure:"state" yaml:"state" json:"state"`
	// Timezone is the IANA zone for schedules that name none. Defaults to "Local".
	Timezone string `mapstructure:"timezone" yaml:"timezone" json:"timezone"`
	// Log sets the log format ("text" or "json") and level. Defaults to text, info.
	Log Log `mapstructure:"log" yaml:"log" json:"log"`
	// Listen is the optional address of /healthz, /readyz and /metrics,
	// e.g. "127.0.0.1:9090". Empty (the default) serves nothing.
	Listen string `mapstructure:"listen" yaml:"listen" json:"listen"`
	// ShutdownTimeout bounds how long in-flight posts may finish on SIGTERM.
	// Defaults to 30s.
	ShutdownTimeout time.Duration `mapstructure:"shutdown_timeout" yaml:"shutdown_timeout" json:"shutdown_timeout"`
	// Sources are where articles come from.
	Sources []Source `mapstructure:"sources" yaml:"sources" json:"sources"`
	// Networks are the accounts posts go to.
	Networks []Account `mapstructure:"networks" yaml:"networks" json:"networks"`
	// Schedules say when to post what where.
	Schedules []Schedule `mapstructure:"schedules" yaml:"schedules" json:"schedules"`
	// Teaser holds the engine's defaults.
	Teaser Teaser `mapstructure:"teaser" yaml:"teaser" json:"teaser"`
	// Web is the review page the daemon serves on Listen. Off by default.
	Web Web `mapstructure:"web" yaml:"web" json:"web"`
}

// Web configures the review page (package web) served on listen.
type Web struct {
	// Enabled serves the page on listen. Defaults to false; when true and
	// listen is empty, listen defaults to DefaultWebListen (loopback).
	Enabled bool `mapstructure:"enabled" yaml:"enabled" json:"enabled"`
	// Token is the secret typed into the login form; at least
	// MinWebTokenLen characters. Required when Enabled; best set through
	// HOOKLINE_WEB_TOKEN.
	Token Secret `mapstructure:"token" yaml:"token,omitempty" json:"token"`
	// BasePath is the path prefix the page is served under, such as
	// "/hookline" behind a reverse proxy that forwards that prefix
	// unchanged. Defaults to "" (the page at /).
	BasePath string `mapstructure:"base_path" yaml:"base_path,omitempty" json:"base_path"`
	// AllowRemote allows the page on a listen address that is not
	// loopback (other machines can reach it). Defaults to false: such a
	// listen address is refused while the page is on.
	AllowRemote bool `mapstructure:"allow_remote" yaml:"allow_remote,omitempty" json:"allow_remote"`
}

// Log configures log/slog.
type Log struct {
	Format string `mapstructure:"format" yaml:"format" json:"format"` // "text" (default) or "json"
	Level  string `mapstructure:"level" yaml:"level" json:"level"`    // "debug", "info" (default), "warn", "error"
}

// Source is one place articles come from.
type Source struct {
	// Name identifies the source in schedules and logs.
	Name string `mapstructure:"name" yaml:"name" json:"name"`
	// Kind is "folder", "feed" or "urls".
	Kind string `mapstructure:"kind" yaml:"kind" json:"kind"`
	// Path is the folder of article files (kind folder).
	Path string `mapstructure:"path" yaml:"path,omitempty" json:"path"`
	// URL is the RSS, Atom or JSON feed (kind feed).
	URL string `mapstructure:"url" yaml:"url,omitempty" json:"url"`
	// URLs are article pages (kind urls).
	URLs []string `mapstructure:"urls" yaml:"urls,omitempty" json:"urls"`
	// Poll is how often a feed or folder is read. Defaults to 15m for feeds, 1m for folders.
	Poll time.Duration `mapstructure:"poll" yaml:"poll" json:"poll"`
	// Backfill is how many of a new feed's existing items may be posted; the
	// rest are marked seen. Defaults to 0 (none).
	Backfill int `mapstructure:"backfill" yaml:"backfill,omitempty" json:"backfill"`
	// RepostEdited posts an article again when its content changes. Defaults to false.
	RepostEdited bool `mapstructure:"repost_edited" yaml:"repost_edited,omitempty" json:"repost_edited"`
	// AllowPrivate allows fetching from private and link-local addresses. Defaults to false.
	AllowPrivate bool `mapstructure:"allow_private" yaml:"allow_private,omitempty" json:"allow_private"`
	// FetchArticle says when a feed item's page is fetched and read instead
	// of the item's own text: "auto" (the default: when that text is short
	// or an excerpt), "always" or "never" (kind feed).
	FetchArticle string `mapstructure:"fetch_article" yaml:"fetch_article,omitempty" json:"fetch_article"`
}

// Account is one account on one network.
type Account struct {
	// Name identifies the account in schedules, history and errors, e.g. "x-main".
	Name string `mapstructure:"name" yaml:"name" json:"name"`
	// Kind is the network kind: one the registry (publish/networks) lists,
	// such as "outbox".
	Kind string `mapstructure:"kind" yaml:"kind" json:"kind"`
	// Server is the API base URL: the Mastodon instance, the Bluesky PDS
	// (default https://bsky.social), X's API (default https://api.x.com).
	Server string `mapstructure:"server" yaml:"server,omitempty" json:"server"`
	// Path is the outbox file; "-" or empty writes to stdout (kind outbox).
	Path string `mapstructure:"path" yaml:"path,omitempty" json:"path"`

	// X, OAuth 1.0a user context.
	ConsumerKey    Secret `mapstructure:"consumer_key" yaml:"consumer_key,omitempty" json:"consumer_key"`
	ConsumerSecret Secret `mapstructure:"consumer_secret" yaml:"consumer_secret,omitempty" json:"consumer_secret"`
	AccessSecret   Secret `mapstructure:"access_secret" yaml:"access_secret,omitempty" json:"access_secret"`
	// AccessToken is X's OAuth 1.0a access token or OAuth 2.0 user token, or
	// Mastodon's access token.
	AccessToken Secret `mapstructure:"access_token" yaml:"access_token,omitempty" json:"access_token"`
	// X, OAuth 2.0 user context (PKCE); the rotated refresh token is kept in the state store.
	ClientID     string `mapstructure:"client_id" yaml:"client_id,omitempty" json:"client_id"`
	ClientSecret Secret `mapstructure:"client_secret" yaml:"client_secret,omitempty" json:"client_secret"`
	RefreshToken Secret `mapstructure:"refresh_token" yaml:"refresh_token,omitempty" json:"refresh_token"`
	// DailyCap and MonthlyCap bound the posts Hookline makes (kind x). Default 17 and 500; 0 keeps the default, -1 means no cap.
	DailyCap   int `mapstructure:"daily_cap" yaml:"daily_cap,omitempty" json:"daily_cap"`
	MonthlyCap int `mapstructure:"monthly_cap" yaml:"monthly_cap,omitempty" json:"monthly_cap"`

	// Bluesky: the handle or DID and an app password.
	Identifier  string `mapstructure:"identifier" yaml:"identifier,omitempty" json:"identifier"`
	AppPassword Secret `mapstructure:"app_password" yaml:"app_password,omitempty" json:"app_password"`

	// Visibility is Mastodon's "public", "unlisted", "private" or "direct". Defaults to public.
	Visibility string `mapstructure:"visibility" yaml:"visibility,omitempty" json:"visibility"`
	// Language is the post's language tag; empty takes the article's.
	Language string `mapstructure:"language" yaml:"language,omitempty" json:"language"`
	// SpoilerText is Mastodon's content warning; empty for none.
	SpoilerText string `mapstructure:"spoiler_text" yaml:"spoiler_text,omitempty" json:"spoiler_text"`
	// MaxChars replaces the network's length limit where an account may raise
	// it (X, Mastodon: learned from the instance when 0) and only lowers it
	// where the protocol fixes it (Bluesky); it gives an outbox a limit.
	MaxChars int `mapstructure:"max_chars" yaml:"max_chars,omitempty" json:"max_chars"`
	// Hashtags is the most hashtags a post carries. 0 takes teaser.hashtags.
	Hashtags int `mapstructure:"hashtags" yaml:"hashtags,omitempty" json:"hashtags"`
	// FixedHashtags go on every post of the account ("#News"), before the
	// ones chosen for the article, which are as many as Hashtags. None by default.
	FixedHashtags []string `mapstructure:"fixed_hashtags" yaml:"fixed_hashtags,omitempty" json:"fixed_hashtags"`
	// Template lays the post out: {teaser}, {title}, {link} and {hashtags}
	// among literal text, such as "{title}: {teaser} {link}". Empty for the
	// default: the teaser, a blank line, the link, a line of hashtags.
	Template string `mapstructure:"template" yaml:"template,omitempty" json:"template"`
	// UTM adds utm_* parameters to the link. Off unless Source is set.
	UTM UTM `mapstructure:"utm" yaml:"utm,omitempty" json:"utm"`
	// Timeout bounds one request. 0 takes the network's default (30s).
	Timeout time.Duration `mapstructure:"timeout" yaml:"timeout,omitempty" json:"timeout"`
	// Review overrides the schedule's review ("auto" or "approve") for this
	// account's posts; empty takes the schedule's.
	Review string `mapstructure:"review" yaml:"review,omitempty" json:"review"`
}

// UTM parameters for an account's links.
type UTM struct {
	Source   string `mapstructure:"source" yaml:"source,omitempty" json:"source"`
	Medium   string `mapstructure:"medium" yaml:"medium,omitempty" json:"medium"`
	Campaign string `mapstructure:"campaign" yaml:"campaign,omitempty" json:"campaign"`
}

// Schedule posts from sources to accounts at cron times.
type Schedule struct {
	Name string `mapstructure:"name" yaml:"name" json:"name"`
	// Cron is 5 fields or a descriptor (@daily, @every 2h).
	Cron string `mapstructure:"cron" yaml:"cron" json:"cron"`
	// Timezone overrides the top-level timezone.
	Timezone string `mapstructure:"timezone" yaml:"timezone,omitempty" json:"timezone"`
	// Sources and Networks name entries of sources and networks; empty means all.
	Sources  []string `mapstructure:"sources" yaml:"sources,omitempty" json:"sources"`
	Networks []string `mapstructure:"networks" yaml:"networks,omitempty" json:"networks"`
	// PerRun is how many articles one fire posts. Defaults to 1.
	PerRun int `mapstructure:"per_run" yaml:"per_run" json:"per_run"`
	// Order picks articles: "newest" (default), "oldest" or "random".
	Order string `mapstructure:"order" yaml:"order" json:"order"`
	// MaxAge skips articles published longer ago than this; 0 for no limit.
	MaxAge time.Duration `mapstructure:"max_age" yaml:"max_age,omitempty" json:"max_age"`
	// Quiet is a daily window with no posts, "22:00-07:00"; empty for none.
	Quiet string `mapstructure:"quiet" yaml:"quiet,omitempty" json:"quiet"`
	// Jitter delays each fire by a random duration up to this. Defaults to 0.
	Jitter time.Duration `mapstructure:"jitter" yaml:"jitter,omitempty" json:"jitter"`
	// Include, when set, posts only articles whose title or text holds one
	// of these words or phrases (case-insensitive); Exclude never posts one
	// that holds any of its. Both empty by default.
	Include []string `mapstructure:"include" yaml:"include,omitempty" json:"include"`
	Exclude []string `mapstructure:"exclude" yaml:"exclude,omitempty" json:"exclude"`
	// CatchUp is "skip" (default) or "once": what to do about runs missed while down.
	CatchUp string `mapstructure:"catch_up" yaml:"catch_up" json:"catch_up"`
	// Review is "auto" (default: a fire sends its posts) or "approve": a
	// fire writes its posts and stores them for review; they go out once a
	// person approves them (hookline queue, approve), at the next fire. An
	// account's review overrides it.
	Review string `mapstructure:"review" yaml:"review,omitempty" json:"review"`
	// AutoApproveAfter approves a post under review on its own this long
	// after its fire wrote it, unless a person held it; 0 (the default) for
	// never.
	AutoApproveAfter time.Duration `mapstructure:"auto_approve_after" yaml:"auto_approve_after,omitempty" json:"auto_approve_after"`
	// ReshareAfter shares an article again this long after it was last
	// posted to an account, with its next teaser variant (never the same
	// text twice), such as 30d; 0 (the default) for never.
	ReshareAfter time.Duration `mapstructure:"reshare_after" yaml:"reshare_after,omitempty" json:"reshare_after"`
}

// Teaser holds the engine's defaults.
type Teaser struct {
	// Variant picks the news angle, 1 to 4; 0 (the default) is the best one.
	Variant int `mapstructure:"variant" yaml:"variant" json:"variant"`
	// Hashtags is the most hashtags a post carries. Defaults to 3.
	Hashtags int `mapstructure:"hashtags" yaml:"hashtags" json:"hashtags"`
}

// Secret is a credential. It prints as "[redacted]" in every format, so it
// cannot leak through logs, errors or config show; Value gives the real one.
type Secret string

const redacted = redact.Mark

// Value returns the secret itself, for the one place that sends it.
func (s Secret) Value() string { return string(s) }

// String redacts.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString redacts, so %#v does not leak.
func (s Secret) GoString() string { return `"` + s.String() + `"` }

// MarshalText redacts, for JSON and YAML encoders.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

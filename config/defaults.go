package config

import (
	"cmp"
	"time"
)

// Defaults that apply when config.yaml leaves a key out (or sets it to its
// zero value).
const (
	DefaultState           = "./hookline.db"
	DefaultTimezone        = "Local"
	DefaultLogFormat       = "text"
	DefaultLogLevel        = "info"
	DefaultShutdownTimeout = 30 * time.Second
	DefaultHashtags        = 3
	DefaultPerRun          = 1
	DefaultOrder           = "newest"
	DefaultCatchUp         = "skip"
	DefaultFeedPoll        = 15 * time.Minute
	DefaultFolderPoll      = time.Minute
	// DefaultWebListen is listen when web.enabled is set and listen is not:
	// loopback only.
	DefaultWebListen = "127.0.0.1:8484"
	// MinWebTokenLen is the shortest web.token accepted.
	MinWebTokenLen = 16
)

// Source kinds.
const (
	SourceFolder = "folder"
	SourceFeed   = "feed"
	SourceURLs   = "urls"
)

// Values of a feed source's fetch_article.
const (
	FetchAuto   = "auto"
	FetchAlways = "always"
	FetchNever  = "never"
)

// Schedule orders and catch-up modes.
const (
	OrderNewest = "newest"
	OrderOldest = "oldest"
	OrderRandom = "random"

	CatchUpSkip = "skip"
	CatchUpOnce = "once"
	// ReviewAuto sends a fire's posts at the fire; ReviewApprove stores them
	// for a person to approve first.
	ReviewAuto    = "auto"
	ReviewApprove = "approve"
)

// WithDefaults fills every zero value that has a default, in place, and
// returns c. Load calls it before Validate; tests that build a Config by hand
// call it too.
func (c *Config) WithDefaults() *Config {
	c.State = cmp.Or(c.State, DefaultState)
	c.Timezone = cmp.Or(c.Timezone, DefaultTimezone)
	c.Log.Format = cmp.Or(c.Log.Format, DefaultLogFormat)
	c.Log.Level = cmp.Or(c.Log.Level, DefaultLogLevel)
	c.ShutdownTimeout = cmp.Or(c.ShutdownTimeout, DefaultShutdownTimeout)
	c.Teaser.Hashtags = cmp.Or(c.Teaser.Hashtags, DefaultHashtags)
	if c.Web.Enabled {
		c.Listen = cmp.Or(c.Listen, DefaultWebListen)
	}
	for i := range c.Sources {
		s := &c.Sources[i]
		switch s.Kind {
		case SourceFolder:
			s.Poll = cmp.Or(s.Poll, DefaultFolderPoll)
		case SourceFeed, SourceURLs:
			s.Poll = cmp.Or(s.Poll, DefaultFeedPoll)
		}
		if s.Kind == SourceFeed {
			s.FetchArticle = cmp.Or(s.FetchArticle, FetchAuto)
		}
	}
	for i := range c.Schedules {
		s := &c.Schedules[i]
		s.PerRun = cmp.Or(s.PerRun, DefaultPerRun)
		s.Order = cmp.Or(s.Order, DefaultOrder)
		s.CatchUp = cmp.Or(s.CatchUp, DefaultCatchUp)
		s.Review = cmp.Or(s.Review, ReviewAuto)
	}
	return c
}

// Account returns the account named name, or false.
func (c *Config) Account(name string) (Account, bool) {
	for _, a := range c.Networks {
		if a.Name == name {
			return a, true
		}
	}
	return Account{}, false
}

// Source returns the source named name, or false.
func (c *Config) Source(name string) (Source, bool) {
	for _, s := range c.Sources {
		if s.Name == name {
			return s, true
		}
	}
	return Source{}, false
}

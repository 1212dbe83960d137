package mastodon

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/hookline/hookline/publish/internal/apierr"
)

// Mastodon's defaults, used when the instance does not say.
const (
	DefaultMaxChars  = 500
	DefaultURLLength = 23
)

// limitsTTL is how long learned limits are trusted before being asked again.
const limitsTTL = 24 * time.Hour

// Limits are an instance's status length rules.
type Limits struct {
	// MaxChars is configuration.statuses.max_characters.
	MaxChars int
	// URLLength is configuration.statuses.characters_reserved_per_url: what
	// every URL counts for, whatever its length.
	URLLength int
	// Version is the version the instance reports ("4.3.2", or a
	// compatible server's "2.7.2 (compatible; Pleroma 2.6.0)"); empty when
	// it did not say. KeySupport reads it.
	Version string
}

// instanceDoc is the part of the Instance entity (v2, and v1 since 3.4)
// Hookline reads; max_toot_chars is what older servers and forks send.
type instanceDoc struct {
	Configuration struct {
		Statuses struct {
			MaxCharacters            int `json:"max_characters"`
			CharactersReservedPerURL int `json:"characters_reserved_per_url"`
		} `json:"statuses"`
	} `json:"configuration"`
	MaxTootChars int    `json:"max_toot_chars"`
	Version      string `json:"version"`
}

// Limits returns the instance's limits, learned from GET /api/v2/instance
// (falling back to /api/v1/instance) and cached for a day, in memory and,
// with Options.Cache, in the state file, where other commands read them. When the instance
// cannot tell, it returns Mastodon's defaults (500, 23) and does not cache
// them. The account's max_chars, when set, is applied where the post is
// built (publish/networks), not here.
func (c *Client) Limits(ctx context.Context) Limits {
	c.mu.Lock()
	l, at := c.limits, c.limitsAt
	c.mu.Unlock()
	if at.IsZero() && c.cache != nil {
		// Another process (or an earlier run) may have learned them.
		if maxChars, urlLength, version, learnedAt, ok, err := c.cache.InstanceLimits(ctx, c.server); err == nil && ok && c.now().Sub(learnedAt) <= limitsTTL {
			l, at = Limits{MaxChars: maxChars, URLLength: urlLength, Version: version}, learnedAt
			c.mu.Lock()
			c.limits, c.limitsAt = l, at
			c.mu.Unlock()
		}
	}
	if at.IsZero() || c.now().Sub(at) > limitsTTL {
		learned, err := c.learnLimits(ctx)
		if err != nil {
			c.log.Warn("mastodon instance limits unknown, using defaults",
				slog.String("account", c.name), slog.Int("max_chars", DefaultMaxChars),
				slog.Int("url_length", DefaultURLLength), slog.String("error", c.redact(err).Error()))
			l = Limits{MaxChars: DefaultMaxChars, URLLength: DefaultURLLength}
		} else {
			l = learned
			now := c.now()
			c.mu.Lock()
			c.limits, c.limitsAt = l, now
			c.mu.Unlock()
			if known, honoured := KeySupport(l.Version); known && !honoured {
				c.log.Warn("mastodon instance does not honour Idempotency-Key: a post is sent again only after its account's statuses show it is not there",
					slog.String("account", c.name), slog.String("server", c.server), slog.String("version", l.Version))
			}
			if c.cache != nil {
				if err := c.cache.SetInstanceLimits(ctx, c.server, l.MaxChars, l.URLLength, l.Version, now); err != nil {
					c.log.Warn("mastodon instance limits not kept in the state file", slog.String("account", c.name), slog.Any("error", err))
				}
			}
		}
	}
	return l
}

func (c *Client) learnLimits(ctx context.Context) (Limits, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	var errs []error
	for _, path := range []string{"/api/v2/instance", "/api/v1/instance"} {
		doc, err := c.getInstance(ctx, path)
		if err != nil {
			errs = append(errs, err)
			if ctx.Err() != nil {
				break
			}
			continue
		}
		l := Limits{
			MaxChars:  doc.Configuration.Statuses.MaxCharacters,
			URLLength: doc.Configuration.Statuses.CharactersReservedPerURL,
			Version:   strings.TrimSpace(doc.Version),
		}
		if l.MaxChars <= 0 {
			l.MaxChars = doc.MaxTootChars
		}
		if l.MaxChars <= 0 {
			errs = append(errs, fmt.Errorf("%s: no configuration.statuses.max_characters", path))
			continue
		}
		if l.URLLength <= 0 {
			l.URLLength = DefaultURLLength
		}
		return l, nil
	}
	return Limits{}, fmt.Errorf("%s: learn instance limits: %w", c.name, joined(errs))
}

func (c *Client) getInstance(ctx context.Context, path string) (*instanceDoc, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.server+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "hookline")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %w", path, &apierr.Status{Code: resp.StatusCode, Msg: errorText(resp.Body)})
	}
	var doc instanceDoc
	if err := decodeJSON(io.LimitReader(resp.Body, 4<<20), &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &doc, nil
}

func decodeJSON(r io.Reader, v any) error {
	if err := json.NewDecoder(r).Decode(v); err != nil {
		return fmt.Errorf("decode json: %w", err)
	}
	return nil
}

// joinedError is errors.Join on one line.
type joinedError []error

func (e joinedError) Error() string {
	msgs := make([]string, len(e))
	for i, err := range e {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

func (e joinedError) Unwrap() []error { return e }

func joined(errs []error) error { return joinedError(errs) }

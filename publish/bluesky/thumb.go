package bluesky

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// MaxThumbBytes is the largest image a link card's thumbnail may be
// (app.bsky.embed.external#external.thumb maxSize).
const MaxThumbBytes = 1_000_000

// errNoThumb says why an image is not used as a thumbnail; the post goes
// out without one.
var errNoThumb = errors.New("no thumbnail")

// fetchImage downloads rawURL when it is an http(s) image of at most
// MaxThumbBytes, returning its bytes and media type.
func (c *Client) fetchImage(ctx context.Context, rawURL string) ([]byte, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, "", fmt.Errorf("%w: image %q is not an http(s) URL", errNoThumb, rawURL)
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", errNoThumb, err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "image/*")
	resp, err := c.images.Do(req)
	if err != nil {
		return nil, "", fmt.Errorf("%w: download image: %w", errNoThumb, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("%w: download image: %s", errNoThumb, resp.Status)
	}
	if resp.ContentLength > MaxThumbBytes {
		return nil, "", fmt.Errorf("%w: image is %d bytes, over %d", errNoThumb, resp.ContentLength, MaxThumbBytes)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxThumbBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("%w: download image: %w", errNoThumb, err)
	}
	if len(data) > MaxThumbBytes {
		return nil, "", fmt.Errorf("%w: image is over %d bytes", errNoThumb, MaxThumbBytes)
	}
	ctype, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if !strings.HasPrefix(ctype, "image/") {
		ctype, _, _ = mime.ParseMediaType(http.DetectContentType(data))
	}
	if !strings.HasPrefix(ctype, "image/") {
		return nil, "", fmt.Errorf("%w: %s is not an image", errNoThumb, ctype)
	}
	return data, ctype, nil
}

// thumb uploads p's image as a blob for the link card. It returns nil, and
// logs why, when there is no usable image; errors from the PDS itself
// (unauthorized, rate limited, down) are returned, as the post would meet
// them too.
func (c *Client) thumb(ctx context.Context, image string) (json.RawMessage, error) {
	if image == "" {
		return nil, nil
	}
	data, ctype, err := c.fetchImage(ctx, image)
	if err != nil {
		c.log.Info("bluesky link card without thumbnail", slog.String("image", image), slog.Any("reason", err))
		return nil, nil
	}
	var out struct {
		Blob json.RawMessage `json:"blob"`
	}
	if _, err := c.authed(ctx, request{nsid: "com.atproto.repo.uploadBlob", raw: data, ctype: ctype}, &out); err != nil {
		var xe *xrpcError
		if errors.As(err, &xe) && refusedBlob(xe) {
			c.log.Info("bluesky link card without thumbnail", slog.String("image", image), slog.String("reason", xe.Error()))
			return nil, nil
		}
		return nil, c.wrap("upload thumbnail", err)
	}
	if len(out.Blob) == 0 {
		return nil, c.wrap("upload thumbnail", errors.New("uploadBlob answered without a blob"))
	}
	return out.Blob, nil
}

// refusedBlob reports whether the PDS refused the image itself (too large,
// wrong type), which costs the card its thumbnail but not the post.
func refusedBlob(xe *xrpcError) bool {
	switch xe.Status {
	case http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType:
		return !isExpired(xe) && xe.Name != "RateLimitExceeded"
	}
	return false
}

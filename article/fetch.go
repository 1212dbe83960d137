package article

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/html/charset"
)

// Defaults for FetchOptions and LoadOptions.
const (
	// DefaultMaxBytes caps an article's size: 10 MB.
	DefaultMaxBytes = 10 << 20
	// DefaultTimeout bounds one fetch, body included: 15 s.
	DefaultTimeout = 15 * time.Second
	// DefaultMaxRedirects is how many redirects a fetch follows: 5.
	DefaultMaxRedirects = 5
	// DefaultUserAgent is sent with every fetch.
	DefaultUserAgent = "Hookline/1.0 (+https://github.com/hookline/hookline)"
)

// FetchOptions tune Fetch. The zero value is safe: defaults apply and only
// public addresses are reached.
type FetchOptions struct {
	// Timeout bounds the whole fetch, body included. Defaults to 15s.
	Timeout time.Duration
	// MaxBytes caps the body after decompression. Defaults to 10 MB.
	MaxBytes int64
	// MaxRedirects is how many redirects are followed. Defaults to 5;
	// negative follows none.
	MaxRedirects int
	// AllowPrivate allows loopback, private, link-local and metadata
	// addresses. Only tests and trusted setups should set it.
	AllowPrivate bool
	// UserAgent defaults to DefaultUserAgent.
	UserAgent string
	// Accept is the Accept header. Defaults to HTML, Markdown and text.
	Accept string
	// ETag and LastModified, when set, make the request conditional; an
	// unchanged document gives a Page with NotModified set.
	ETag, LastModified string
}

func (o FetchOptions) withDefaults() FetchOptions {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Accept == "" {
		o.Accept = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.5"
	}
	return o
}

// Page is a fetched document.
type Page struct {
	// URL is where the document was found, after redirects.
	URL *url.URL
	// ContentType is the media type without parameters, lowercased.
	ContentType string
	// Body is the document; text declared in another charset is converted
	// to UTF-8.
	Body []byte
	// ETag and LastModified echo the response headers, for the next
	// conditional fetch.
	ETag, LastModified string
	// NotModified is set when the server answered 304 to a conditional
	// fetch; Body is then empty.
	NotModified bool
}

// fetchError carries a sentinel and the detail, so that the one-line
// message survives the *url.Error and *net.OpError wrapping.
type fetchError struct {
	kind   error
	detail string
}

func (e *fetchError) Error() string { return e.kind.Error() + ": " + e.detail }
func (e *fetchError) Unwrap() error { return e.kind }

// NewClient returns an HTTP client for Fetch whose dialer refuses
// forbidden addresses after DNS resolution (so a name that rebinds to a
// private address is refused too), without proxy, following at most
// opts.MaxRedirects http(s) redirects.
func NewClient(opts FetchOptions) *http.Client {
	opts = opts.withDefaults()
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = guardDial
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
	}
	return &http.Client{Transport: tr, CheckRedirect: checkRedirect(opts, false)}
}

// guardDial is a net.Dialer Control function: it runs on the resolved
// address of every connection.
func guardDial(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return &fetchError{ErrForbiddenAddress, address}
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return &fetchError{ErrForbiddenAddress, address}
	}
	if why := forbidden(ip); why != "" {
		return &fetchError{ErrForbiddenAddress, fmt.Sprintf("%s is a %s address", host, why)}
	}
	return nil
}

// checkRedirect caps redirects and re-checks each target's scheme (and,
// for clients not built by NewClient, its host).
func checkRedirect(opts FetchOptions, checkHost bool) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > opts.MaxRedirects || opts.MaxRedirects < 0 {
			return &fetchError{ErrTooManyRedirects, fmt.Sprintf("stopped after %d", len(via)-1)}
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return &fetchError{ErrScheme, fmt.Sprintf("redirect to %q", req.URL.Redacted())}
		}
		if checkHost && !opts.AllowPrivate {
			return checkHostname(req.Context(), req.URL.Hostname())
		}
		return nil
	}
}

// checkHostname resolves host and refuses it when any address is forbidden.
func checkHostname(ctx context.Context, host string) error {
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return &fetchError{ErrUnreachable, err.Error()}
	}
	for _, ip := range ips {
		if why := forbidden(ip.IP); why != "" {
			return &fetchError{ErrForbiddenAddress, fmt.Sprintf("%s (%s) is a %s address", host, ip.IP, why)}
		}
	}
	return nil
}

// Fetch gets an http or https document within opts' timeout, size and
// redirect caps. A nil client means NewClient(opts). A client of the
// caller's keeps its transport, so its addresses are checked by resolving
// the host before each request (without the dialer's protection against
// DNS rebinding). Errors are one line naming the URL and wrap ErrScheme,
// ErrForbiddenAddress, ErrTooManyRedirects, ErrUnreachable, ErrTimeout,
// ErrTooLarge or a *StatusError.
func Fetch(ctx context.Context, client *http.Client, rawURL string, opts FetchOptions) (*Page, error) {
	page, err := fetch(ctx, client, rawURL, opts)
	if err != nil {
		return nil, wrapInput(rawURL, err)
	}
	return page, nil
}

func fetch(ctx context.Context, client *http.Client, rawURL string, opts FetchOptions) (*Page, error) {
	opts = opts.withDefaults()
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w %q; use http or https", ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("bad URL: no host")
	}
	if client == nil {
		client = NewClient(opts)
		defer client.CloseIdleConnections()
	} else {
		c := *client
		c.CheckRedirect = checkRedirect(opts, true)
		client = &c
		if !opts.AllowPrivate {
			if err := checkHostname(ctx, u.Hostname()); err != nil {
				return nil, err
			}
		}
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", opts.UserAgent)
	req.Header.Set("Accept", opts.Accept)
	if opts.ETag != "" {
		req.Header.Set("If-None-Match", opts.ETag)
	}
	if opts.LastModified != "" {
		req.Header.Set("If-Modified-Since", opts.LastModified)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchFailure(ctx, err, opts)
	}
	defer resp.Body.Close()
	page := &Page{URL: resp.Request.URL, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified {
		page.NotModified = true
		return page, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status}
	}
	if resp.ContentLength > opts.MaxBytes {
		return nil, fmt.Errorf("%w (%d bytes, cap %d)", ErrTooLarge, resp.ContentLength, opts.MaxBytes)
	}
	// The transport decompresses gzip itself, so the cap holds for the
	// decoded size: a small compressed bomb stops at MaxBytes too.
	body, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return nil, fetchFailure(ctx, err, opts)
	}
	if int64(len(body)) > opts.MaxBytes {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, opts.MaxBytes)
	}
	mt, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	page.ContentType = strings.ToLower(mt)
	page.Body = toUTF8(body, params["charset"])
	return page, nil
}

// toUTF8 converts body from a declared non-UTF-8 charset.
func toUTF8(body []byte, label string) []byte {
	if label == "" || strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
		return body
	}
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return body
	}
	if dec, err := enc.NewDecoder().Bytes(body); err == nil {
		return dec
	}
	return body
}

// fetchFailure turns a client error into one short line with a sentinel.
func fetchFailure(ctx context.Context, err error, opts FetchOptions) error {
	var fe *fetchError
	if errors.As(err, &fe) {
		return fe
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w after %s", ErrTimeout, opts.Timeout)
	}
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w after %s", ErrTimeout, opts.Timeout)
	}
	return &fetchError{ErrUnreachable, err.Error()}
}

package article

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testServer serves the routes the fetch tests need on 127.0.0.1.
func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `<html><body><p>Hello from the page.</p></body></html>`)
	})
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n <= 0 {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example.com/article.txt", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", strconv.Itoa(2048))
		w.Write(bytes.Repeat([]byte("a"), 2048))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 8 {
			w.Write(bytes.Repeat([]byte("b"), 512))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(bytes.Repeat([]byte("z"), 1<<20))
		zw.Close()
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for {
			if _, err := w.Write([]byte("more ")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=ISO-8859-1")
		w.Write([]byte("Caf\xe9 cr\xe8me"))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// closedAddr returns an address on which nothing listens.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestFetch(t *testing.T) {
	srv := testServer(t)
	allow := FetchOptions{AllowPrivate: true}
	tests := []struct {
		name     string
		url      string
		opts     FetchOptions
		client   *http.Client
		wantErr  error
		wantMsg  string
		wantBody string
		wantPath string
		check    func(t *testing.T, p *Page)
	}{
		{name: "page", url: srv.URL + "/page", opts: allow, wantBody: "Hello from the page.", wantPath: "/page",
			check: func(t *testing.T, p *Page) {
				if p.ContentType != "text/html" || p.ETag != `"v1"` {
					t.Errorf("content type %q etag %q", p.ContentType, p.ETag)
				}
			}},
		{name: "not modified", url: srv.URL + "/page", opts: FetchOptions{AllowPrivate: true, ETag: `"v1"`},
			check: func(t *testing.T, p *Page) {
				if !p.NotModified || len(p.Body) != 0 {
					t.Errorf("NotModified %v body %q", p.NotModified, p.Body)
				}
			}},
		{name: "five redirects", url: srv.URL + "/hop/4", opts: allow, wantBody: "Hello", wantPath: "/page"},
		{name: "six redirects", url: srv.URL + "/hop/5", opts: allow, wantErr: ErrTooManyRedirects, wantMsg: "too many redirects: stopped after 5"},
		{name: "no redirects allowed", url: srv.URL + "/hop/0", opts: FetchOptions{AllowPrivate: true, MaxRedirects: -1}, wantErr: ErrTooManyRedirects},
		{name: "redirect to ftp", url: srv.URL + "/to-ftp", opts: allow, wantErr: ErrScheme, wantMsg: `redirect to "ftp://files.example.com/article.txt"`},
		{name: "ftp scheme", url: "ftp://files.example.com/a.txt", wantErr: ErrScheme, wantMsg: `ftp://files.example.com/a.txt: unsupported URL scheme "ftp"; use http or https`},
		{name: "file scheme", url: "file:///etc/passwd", wantErr: ErrScheme},
		{name: "content length over cap", url: srv.URL + "/big", opts: FetchOptions{AllowPrivate: true, MaxBytes: 1024}, wantErr: ErrTooLarge, wantMsg: "(2048 bytes, cap 1024)"},
		{name: "chunked body over cap", url: srv.URL + "/big-chunked", opts: FetchOptions{AllowPrivate: true, MaxBytes: 1024}, wantErr: ErrTooLarge},
		{name: "gzip bomb", url: srv.URL + "/bomb", opts: FetchOptions{AllowPrivate: true, MaxBytes: 64 << 10}, wantErr: ErrTooLarge},
		{name: "endless body", url: srv.URL + "/endless", opts: FetchOptions{AllowPrivate: true, Timeout: 200 * time.Millisecond}, wantErr: ErrTimeout, wantMsg: "timed out after 200ms"},
		{name: "charset converted", url: srv.URL + "/latin1", opts: allow, wantBody: "Café crème"},
		{name: "status", url: srv.URL + "/gone", opts: allow, wantMsg: "server answered 410 Gone"},
		{name: "loopback refused", url: srv.URL + "/page", wantErr: ErrForbiddenAddress, wantMsg: "127.0.0.1 is a loopback address"},
		{name: "localhost name refused after resolving", url: strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/page", wantErr: ErrForbiddenAddress},
		{name: "metadata refused", url: "http://169.254.169.254/latest/meta-data/", opts: FetchOptions{Timeout: 2 * time.Second}, wantErr: ErrForbiddenAddress, wantMsg: "metadata address"},
		{name: "own client loopback refused", url: srv.URL + "/page", client: srv.Client(), wantErr: ErrForbiddenAddress},
		{name: "own client allowed", url: srv.URL + "/hop/1", client: srv.Client(), opts: allow, wantBody: "Hello"},
		{name: "unreachable", url: "http://" + closedAddr(t) + "/x", opts: allow, wantErr: ErrUnreachable, wantMsg: "cannot reach host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Fetch(context.Background(), tt.client, tt.url, tt.opts)
			if tt.wantErr != nil || (tt.wantMsg != "" && tt.wantBody == "") {
				if err == nil {
					t.Fatalf("no error, want %v", tt.wantErr)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("error %q is not %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantMsg) || strings.Contains(err.Error(), "\n") {
					t.Errorf("error %q, want one line containing %q", err, tt.wantMsg)
				}
				if !strings.HasPrefix(err.Error(), tt.url+": ") {
					t.Errorf("error %q does not name the URL", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(page.Body), tt.wantBody) {
				t.Errorf("body %q, want %q", page.Body, tt.wantBody)
			}
			if tt.wantPath != "" && page.URL.Path != tt.wantPath {
				t.Errorf("final URL %s, want path %s", page.URL, tt.wantPath)
			}
			if tt.check != nil {
				tt.check(t, page)
			}
		})
	}
}

func TestFetch_statusError(t *testing.T) {
	srv := testServer(t)
	_, err := Fetch(context.Background(), nil, srv.URL+"/gone", FetchOptions{AllowPrivate: true})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != http.StatusGone {
		t.Fatalf("error %v, want *StatusError 410", err)
	}
}

func TestFetch_canceled(t *testing.T) {
	srv := testServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Fetch(ctx, nil, srv.URL+"/page", FetchOptions{AllowPrivate: true})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

func TestForbidden(t *testing.T) {
	tests := []struct {
		ip   string
		want string
	}{
		{"127.0.0.1", "loopback"},
		{"127.8.9.10", "loopback"},
		{"::1", "loopback"},
		{"10.1.2.3", "private"},
		{"172.16.0.1", "private"},
		{"192.168.1.1", "private"},
		{"fd12:3456::1", "private"},
		{"169.254.169.254", "metadata"},
		{"fd00:ec2::254", "metadata"},
		{"169.254.10.1", "link-local"},
		{"fe80::1", "link-local"},
		{"100.100.100.200", "shared (carrier-grade NAT)"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"::ffff:127.0.0.1", "loopback"},
		{"64:ff9b::a00:1", "private"},
		{"224.0.0.1", "link-local"},
		{"239.1.2.3", "multicast"},
		{"255.255.255.255", "broadcast"},
		{"93.184.215.14", ""},
		{"2606:4700::6810:85e5", ""},
		{"8.8.8.8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			if got := forbidden(net.ParseIP(tt.ip)); got != tt.want {
				t.Errorf("forbidden(%s) = %q, want %q", tt.ip, got, tt.want)
			}
		})
	}
}

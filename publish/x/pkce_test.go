package x_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/publish/x"
)

// browse GETs u as a browser would, following redirects, and returns the
// final status and page.
func browse(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Errorf("browser: %v", err)
		return 0, ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func flow(srv *server, show func(authURL, redirect string) error) x.AuthFlow {
	return x.AuthFlow{
		ClientID:     clientID,
		AuthorizeURL: srv.URL() + "/i/oauth2/authorize",
		TokenURL:     srv.URL() + x.TokenPath,
		Listen:       "127.0.0.1:0",
		Timeout:      10 * time.Second,
		Show:         show,
	}
}

func TestAuthFlow_Run(t *testing.T) {
	for _, confidential := range []bool{false, true} {
		name := "public client"
		if confidential {
			name = "confidential client"
		}
		t.Run(name, func(t *testing.T) {
			srv := newServer(t)
			srv.confidential = confidential
			page := make(chan string, 1)
			f := flow(srv, func(authURL, redirect string) error {
				if !strings.HasPrefix(redirect, "http://127.0.0.1:") || !strings.HasSuffix(redirect, "/callback") {
					t.Errorf("redirect = %q", redirect)
				}
				go func() {
					code, body := browse(t, authURL)
					if code != http.StatusOK {
						t.Errorf("callback page: %d %s", code, body)
					}
					page <- body
				}()
				return nil
			})
			if confidential {
				f.ClientSecret = clientSecret
			}
			tok, err := f.Run(context.Background())
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if tok.RefreshToken != "ref-SECRET-1" || tok.AccessToken != "acc-SECRET-1" || tok.ExpiresIn != 7200 {
				t.Errorf("token = %+v", tok)
			}
			if p := <-page; !strings.Contains(p, "Hookline is authorized") {
				t.Errorf("page = %q", p)
			}
		})
	}
}

func TestAuthFlow_RunDenied(t *testing.T) {
	srv := newServer(t)
	f := flow(srv, func(authURL, redirect string) error {
		u, _ := url.Parse(authURL)
		state := u.Query().Get("state")
		go func() {
			// A stale tab first: refused, and the flow keeps waiting.
			if code, _ := browse(t, redirect+"?state=stale&code=c"); code != http.StatusBadRequest {
				t.Errorf("stale state: %d, want 400", code)
			}
			browse(t, redirect+"?"+url.Values{"state": {state}, "error": {"access_denied"}}.Encode())
		}()
		return nil
	})
	_, err := f.Run(context.Background())
	if !errors.Is(err, x.ErrAuthDenied) || !strings.Contains(err.Error(), "access_denied") {
		t.Errorf("err = %v, want ErrAuthDenied with access_denied", err)
	}
}

func TestAuthFlow_RunExchangeRefused(t *testing.T) {
	srv := newServer(t)
	srv.confidential = true // but the flow has no client secret
	page := make(chan string, 1)
	f := flow(srv, func(authURL, _ string) error {
		go func() {
			code, body := browse(t, authURL)
			if code != http.StatusBadGateway {
				t.Errorf("callback page status %d, want 502", code)
			}
			page <- body
		}()
		return nil
	})
	_, err := f.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "auth: trade the code for tokens: 401 unauthorized: unauthorized_client") {
		t.Errorf("err = %v", err)
	}
	if p := <-page; !strings.Contains(p, "Hookline could not finish") || strings.Contains(p, "SECRET") {
		t.Errorf("page = %q", p)
	}
}

func TestAuthFlow_RunTimeout(t *testing.T) {
	srv := newServer(t)
	f := flow(srv, func(string, string) error { return nil }) // nobody opens it
	f.Timeout = 50 * time.Millisecond
	_, err := f.Run(context.Background())
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no callback from the browser within 50ms") {
		t.Errorf("err = %v", err)
	}
}

func TestAuthFlow_RunErrors(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name   string
		change func(*x.AuthFlow)
		want   string
	}{
		{"public address", func(f *x.AuthFlow) { f.Listen = "0.0.0.0:0" }, "is not a loopback address"},
		{"no client id", func(f *x.AuthFlow) { f.ClientID = "" }, "client id is required"},
		{"bad authorize URL", func(f *x.AuthFlow) { f.AuthorizeURL = "x.com/authorize" }, "is not an http(s) URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := flow(srv, func(string, string) error { t.Error("Show called"); return nil })
			tt.change(&f)
			if _, err := f.Run(context.Background()); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

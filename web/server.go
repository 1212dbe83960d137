// Package web serves the review page on the daemon's listen address: the
// queue (as a list and as a week), history and one article, with the
// actions a person takes on a post (approve, hold, skip, edit, retry, post
// now) through the same review and store functions as the command line.
//
// It is server-rendered (html/template, no JavaScript), behind a login
// with web.token that sets a session cookie, a CSRF token on every form,
// and a strict Content-Security-Policy. Every page and action lives under
// web.base_path, so a reverse proxy can forward that prefix unchanged.
package web

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server is the review page. Set the fields, then serve Handler.
type Server struct {
	// Store holds the posts. Required.
	Store *store.Store
	// Config returns the config in force (it changes on reload): the
	// accounts, schedules, web.token and timezone. Required.
	Config func() *config.Config
	// BasePath is web.base_path, fixed at start: "" or "/hookline".
	BasePath string
	// Deps open publishers for post now and retry, as the daemon's do.
	Deps networks.Deps
	// Log receives one record per action and login; never a secret.
	// Defaults to slog.Default().
	Log *slog.Logger
	// Now is the clock. Defaults to time.Now.
	Now func() time.Time
	// SendTimeout bounds post now and retry. Defaults to 2 minutes.
	SendTimeout time.Duration
	// Daemon, when set, serves /healthz, /readyz and /metrics beside the
	// page (schedule.Daemon's Handler), on the same listener.
	Daemon http.Handler

	once     sync.Once
	tmpl     map[string]*template.Template
	sessions sessions
	bufs     sync.Pool
}

func (s *Server) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

func (s *Server) log() *slog.Logger {
	if s.Log == nil {
		return slog.Default()
	}
	return s.Log
}

// pages are the templates, each executed with layout.html around it.
var pages = []string{"queue", "week", "history", "article", "login"}

func (s *Server) init() {
	s.once.Do(func() {
		s.tmpl = map[string]*template.Template{}
		for _, p := range pages {
			s.tmpl[p] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS,
				"templates/layout.html", "templates/card.html", "templates/"+p+".html"))
		}
		s.bufs.New = func() any { return new(bytes.Buffer) }
	})
}

// Handler serves the page and its actions under BasePath. Actions answer
// POST only (GET on one is 405); every page but the login needs a session.
func (s *Server) Handler() http.Handler {
	s.init()
	b := s.BasePath
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET "+b+"/static/", http.StripPrefix(b+"/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET "+b+"/login", s.loginPage)
	mux.HandleFunc("POST "+b+"/login", s.login)
	mux.HandleFunc("POST "+b+"/logout", s.authed(s.logout))
	mux.HandleFunc("GET "+b+"/{$}", s.authed(s.queuePage))
	mux.HandleFunc("GET "+b+"/week", s.authed(s.weekPage))
	mux.HandleFunc("GET "+b+"/history", s.authed(s.historyPage))
	mux.HandleFunc("GET "+b+"/article", s.authed(s.articlePage))
	mux.HandleFunc("POST "+b+"/post/{id}/{action}", s.authed(s.act))
	if b != "" {
		mux.Handle("GET "+b, http.RedirectHandler(b+"/", http.StatusMovedPermanently))
	}
	if s.Daemon != nil {
		for _, p := range []string{"/healthz", "/readyz", "/metrics"} {
			mux.Handle("GET "+p, s.Daemon)
		}
	}
	return headers(http.MaxBytesHandler(mux, 64<<10))
}

// csp allows the page's own stylesheet and forms, and nothing else: no
// script, no frame, no outside image.
const csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// headers sets the security headers of every answer.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if !strings.Contains(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// render executes page's template with data into a pooled buffer, then
// writes it, so a failed render sends a clean error, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	buf := s.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer s.bufs.Put(buf)
	if err := s.tmpl[page].Execute(buf, data); err != nil {
		s.log().Error("web: render page", slog.String("page", page), slog.Any("error", err))
		http.Error(w, "the page could not be rendered; see the daemon's log", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// sendContext is the context of post now and retry: not cancelled when
// the browser goes away mid-send (the send is recorded either way), but
// bounded.
func (s *Server) sendContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(r.Context()), cmp.Or(s.SendTimeout, 2*time.Minute))
}

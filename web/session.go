package web

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Sessions: GET /login opens an anonymous session (a cookie and a CSRF
// token for the login form); a POST /login with the right token replaces
// it by a signed-in one (a new id, so a session fixed before login is
// worth nothing). Sessions live in memory: a restart signs everyone out.

const (
	cookieName = "hookline_session"
	// sessionTTL is how long a signed-in session lasts; anonTTL an
	// anonymous one (the login form).
	sessionTTL = 12 * time.Hour
	anonTTL    = time.Hour
	// maxSessions bounds the sessions kept, so anonymous visits cannot
	// fill the memory.
	maxSessions = 1024
	// maxFailures is how many wrong tokens are taken per failureWindow
	// before logins are refused until it ends.
	maxFailures   = 10
	failureWindow = time.Minute
)

type session struct {
	csrf    string
	authed  bool
	expires time.Time
	// flash is the outcome of the last action, shown once; flashErr marks
	// a refusal.
	flash    string
	flashErr bool
	// drafts keep a refused edit's text, by post id, so the person can fix
	// it rather than type it again.
	drafts map[int64]string
}

type sessions struct {
	mu       sync.Mutex
	byID     map[string]*session
	failures int
	window   time.Time
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// open stores a new session and returns its id, or "" when there are too
// many.
func (ss *sessions) open(now time.Time, authed bool) (string, *session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.byID == nil {
		ss.byID = map[string]*session{}
	}
	if len(ss.byID) >= maxSessions {
		for id, s := range ss.byID {
			if now.After(s.expires) {
				delete(ss.byID, id)
			}
		}
		if len(ss.byID) >= maxSessions {
			return "", nil
		}
	}
	ttl := anonTTL
	if authed {
		ttl = sessionTTL
	}
	id, s := randomToken(), &session{csrf: randomToken(), authed: authed, expires: now.Add(ttl)}
	ss.byID[id] = s
	return id, s
}

// get returns the session of r's cookie, or nil. The caller holds no lock:
// a session's fields are read and changed under with.
func (ss *sessions) get(r *http.Request, now time.Time) (string, *session) {
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return "", nil
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s := ss.byID[c.Value]
	if s == nil {
		return "", nil
	}
	if now.After(s.expires) {
		delete(ss.byID, c.Value)
		return "", nil
	}
	return c.Value, s
}

// with runs fn on s under the lock.
func (ss *sessions) with(s *session, fn func(*session)) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	fn(s)
}

func (ss *sessions) close(id string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.byID, id)
}

// allowLogin reports whether a login may be tried now; failed counts one
// wrong token.
func (ss *sessions) allowLogin(now time.Time) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if now.After(ss.window) {
		ss.failures, ss.window = 0, now.Add(failureWindow)
	}
	return ss.failures < maxFailures
}

func (ss *sessions) failed() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.failures++
}

// secure reports whether the browser reached the page over TLS, directly
// or through a proxy that says so: the cookie is then Secure.
func secure(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") ||
		strings.Contains(strings.ToLower(r.Header.Get("Forwarded")), "proto=https")
}

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, id string, ttl time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: id, Path: s.BasePath + "/", MaxAge: int(ttl.Seconds()),
		HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteStrictMode})
}

// sameSecret compares a typed token with web.token in constant time.
func sameSecret(typed, want string) bool {
	a, b := sha256.Sum256([]byte(typed)), sha256.Sum256([]byte(want))
	return want != "" && subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// checkCSRF reports whether r's form carries sess's CSRF token.
func (s *Server) checkCSRF(r *http.Request, sess *session) bool {
	var want string
	s.sessions.with(sess, func(se *session) { want = se.csrf })
	got := r.PostFormValue("csrf")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// authed wraps a page or action that needs a signed-in session: a page
// without one goes to the login form, an action is refused; every POST
// must carry the session's CSRF token.
func (s *Server) authed(h func(http.ResponseWriter, *http.Request, *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, sess := s.sessions.get(r, s.now())
		var ok bool
		if sess != nil {
			s.sessions.with(sess, func(se *session) { ok = se.authed })
		}
		if !ok {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, s.BasePath+"/login", http.StatusSeeOther)
				return
			}
			http.Error(w, "not signed in: open the page and sign in with web.token", http.StatusForbidden)
			return
		}
		if r.Method == http.MethodPost && !s.checkCSRF(r, sess) {
			s.log().Warn("web: form refused: missing or wrong CSRF token", slog.String("path", r.URL.Path))
			http.Error(w, "form refused: its CSRF token is missing or stale; reload the page and try again", http.StatusForbidden)
			return
		}
		h(w, r, sess)
	}
}

type loginData struct {
	page
	Error string
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.showLogin(w, r, http.StatusOK, "")
}

// showLogin renders the form with a fresh anonymous session's CSRF token.
func (s *Server) showLogin(w http.ResponseWriter, r *http.Request, status int, msg string) {
	id, sess := s.sessions.open(s.now(), false)
	if sess == nil {
		http.Error(w, "too many open sessions; try again in an hour", http.StatusServiceUnavailable)
		return
	}
	s.setCookie(w, r, id, anonTTL)
	s.render(w, r, status, "login", loginData{page: page{Base: s.BasePath, CSRF: sess.csrf, Title: "Sign in"}, Error: msg})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	id, sess := s.sessions.get(r, now)
	if sess == nil || !s.checkCSRF(r, sess) {
		s.log().Warn("web: login refused: missing or wrong CSRF token")
		s.showLogin(w, r, http.StatusForbidden, "The form had expired. Type the token again.")
		return
	}
	if !s.sessions.allowLogin(now) {
		s.log().Warn("web: login refused: too many wrong tokens")
		s.showLogin(w, r, http.StatusTooManyRequests, "Too many wrong tokens: wait a minute, then try again.")
		return
	}
	if !sameSecret(r.PostFormValue("token"), s.Config().Web.Token.Value()) {
		s.sessions.failed()
		s.log().Warn("web: login refused: wrong token")
		s.showLogin(w, r, http.StatusUnauthorized, "Wrong token. It is web.token in config.yaml (or HOOKLINE_WEB_TOKEN).")
		return
	}
	s.sessions.close(id)
	nid, _ := s.sessions.open(now, true)
	if nid == "" {
		http.Error(w, "too many open sessions; try again in an hour", http.StatusServiceUnavailable)
		return
	}
	s.setCookie(w, r, nid, sessionTTL)
	s.log().Info("web: signed in")
	http.Redirect(w, r, s.BasePath+"/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, _ *session) {
	if id, _ := s.sessions.get(r, s.now()); id != "" {
		s.sessions.close(id)
	}
	s.setCookie(w, r, "", -time.Second)
	http.Redirect(w, r, s.BasePath+"/login", http.StatusSeeOther)
}

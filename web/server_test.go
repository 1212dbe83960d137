package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/store"
)

func TestServer_login(t *testing.T) {
	e := setup(t, "", "harbor-ferry-electric.md")
	tests := []struct {
		name, token string
		status      int
	}{
		{name: "wrong token", token: "not-the-token-at-all", status: http.StatusUnauthorized},
		{name: "empty token", token: "", status: http.StatusUnauthorized},
		{name: "right token", token: testToken, status: http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := client(t)
			status, _ := login(t, c, e, tt.token)
			if status != tt.status {
				t.Fatalf("login status %d, want %d", status, tt.status)
			}
			code, _ := get(t, c, e, "/")
			if want := map[bool]int{true: http.StatusOK, false: http.StatusSeeOther}[tt.status == http.StatusSeeOther]; code != want {
				t.Errorf("GET / after login: %d, want %d", code, want)
			}
		})
	}
}

func TestServer_csrf(t *testing.T) {
	e := setup(t, "", "harbor-ferry-electric.md")
	c := client(t)
	_, csrf := login(t, c, e, testToken)
	id := store.FormatID(firstPost(t, e).ID)
	tests := []struct {
		name string
		form url.Values
	}{
		{name: "missing", form: url.Values{}},
		{name: "wrong", form: url.Values{"csrf": {"x" + csrf}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := post(t, c, e, "/post/"+id+"/approve", tt.form)
			if resp.StatusCode != http.StatusForbidden {
				t.Fatalf("approve without the CSRF token: %d, want 403", resp.StatusCode)
			}
			if got := firstPost(t, e); got.State != store.Review {
				t.Fatalf("post is %s after a refused form, want review", got.State)
			}
		})
	}
	resp, _ := post(t, c, e, "/post/"+id+"/approve", url.Values{"csrf": {csrf}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve with the token: %d, want 303", resp.StatusCode)
	}
	if got := firstPost(t, e); got.State != store.Approved {
		t.Fatalf("post is %s, want approved", got.State)
	}
}

func TestServer_loginNeedsCSRF(t *testing.T) {
	e := setup(t, "")
	c := client(t)
	get(t, c, e, "/login")
	resp, _ := post(t, c, e, "/login", url.Values{"token": {testToken}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("login without the form's CSRF token: %d, want 403", resp.StatusCode)
	}
}

func TestServer_actionsArePOSTOnly(t *testing.T) {
	e := setup(t, "/hookline", "harbor-ferry-electric.md")
	c := client(t)
	login(t, c, e, testToken)
	for _, a := range []string{"approve", "hold", "skip", "edit", "retry", "now"} {
		code, _ := get(t, c, e, "/post/1/"+a)
		if code != http.StatusMethodNotAllowed {
			t.Errorf("GET /post/1/%s: %d, want 405", a, code)
		}
	}
	if got := firstPost(t, e); got.State != store.Review {
		t.Fatalf("post is %s after GETs, want review", got.State)
	}
}

func TestServer_headers(t *testing.T) {
	e := setup(t, "")
	resp, err := http.Get(e.base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for k, want := range map[string]string{
		"Content-Security-Policy": "frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := resp.Header.Get(k); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want %q in it", k, got, want)
		}
	}
	var cookie *http.Cookie
	for _, ck := range resp.Cookies() {
		cookie = ck
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Secure {
		t.Errorf("session cookie %+v: want HttpOnly, SameSite=Strict, not Secure over plain HTTP", cookie)
	}
	req, _ := http.NewRequest(http.MethodGet, e.base+"/login", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if cs := resp.Cookies(); len(cs) == 0 || !cs[0].Secure {
		t.Errorf("behind a TLS proxy the cookie is not Secure: %+v", cs)
	}
}

func TestServer_basePath(t *testing.T) {
	e := setup(t, "/hookline", "harbor-ferry-electric.md")
	c := client(t)
	if _, csrf := login(t, c, e, testToken); csrf == "" {
		t.Fatal("login under /hookline refused")
	}
	for _, p := range []string{"/", "/week", "/history", "/history?state=review", "/article?id=" + url.QueryEscape(firstPost(t, e).ArticleID)} {
		code, body := get(t, c, e, p)
		if code != http.StatusOK {
			t.Fatalf("GET /hookline%s: %d", p, code)
		}
		contains(t, body, `href="/hookline/static/style.css"`, "Harbor Town Switches")
	}
	code, _ := get(t, c, e, "/static/style.css")
	if code != http.StatusOK {
		t.Errorf("stylesheet: %d", code)
	}
	resp, err := http.Get(e.srv.URL + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz beside the page: %v %v", err, resp)
	}
}

func TestServer_edit(t *testing.T) {
	e := setup(t, "", "harbor-ferry-electric.md")
	c := client(t)
	_, csrf := login(t, c, e, testToken)
	rec := firstPost(t, e)
	id := store.FormatID(rec.ID)
	long := strings.Repeat("word ", 80)
	post(t, c, e, "/post/"+id+"/edit", url.Values{"csrf": {csrf}, "text": {long}, "back": {"/"}})
	_, body := get(t, c, e, "/")
	contains(t, body, "too many; shorten it", `class="flash error"`)
	if got := firstPost(t, e); got.Post.Text != rec.Post.Text {
		t.Fatalf("a refused edit changed the text to %q", got.Post.Text)
	}
	post(t, c, e, "/post/"+id+"/edit", url.Values{"csrf": {csrf}, "text": {"The night train is back. #NightTrain"}, "back": {"/"}})
	if got := firstPost(t, e); got.Post.Text != "The night train is back. #NightTrain" || got.State != store.Review {
		t.Fatalf("after edit: %q, %s", got.Post.Text, got.State)
	}
	_, _ = e.st.PostByID(context.Background(), rec.ID)
}

// TestServer_weekCaps checks that the week page shows at most
// weekSlotsPerDay posts a day and queueCardsShown waiting cards, and says
// how many more the queue lists.
func TestServer_weekCaps(t *testing.T) {
	e := setup(t, "")
	seedMany(t, e, 400)
	id, _ := e.s.sessions.open(time.Now(), true)
	req := httptest.NewRequest(http.MethodGet, "/week", nil)
	req.AddCookie(&http.Cookie{Name: cookieName, Value: id})
	w := httptest.NewRecorder()
	e.s.Handler().ServeHTTP(w, req)
	body := w.Body.String()
	slots, cards := strings.Count(body, `class="slot `), strings.Count(body, `<article class="card`)
	if w.Code != http.StatusOK || slots > 7*weekSlotsPerDay || cards > queueCardsShown || slots+cards >= 400 ||
		!strings.Contains(body, "more") {
		t.Errorf("GET /week: %d, %d slots and %d cards of 400 posts; want at most %d a day, %d cards, and a link to the rest",
			w.Code, slots, cards, weekSlotsPerDay, queueCardsShown)
	}
}

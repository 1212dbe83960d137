package web

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hookline/hookline/store"
)

// chromium finds Debian's Chromium for the browser tests. Where none is
// installed they skip, unless HOOKLINE_REQUIRE_CHROMIUM=1 (set by .ci/run),
// where they fail.
func chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{os.Getenv("HOOKLINE_CHROMIUM"), "chromium", "/usr/bin/chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const msg = "no Chromium: install Debian's chromium package (apt-get install -y chromium), or set HOOKLINE_CHROMIUM to its path"
	if os.Getenv("HOOKLINE_REQUIRE_CHROMIUM") == "1" {
		t.Fatal(msg + " (HOOKLINE_REQUIRE_CHROMIUM=1)")
	}
	t.Skip(msg)
	return ""
}

// browser starts a headless Chromium with a new empty profile and returns
// a context that drives one tab of it. The flags keep it off the network:
// this machine has none, and Chromium's own connections would be refused.
func browser(t testing.TB, width, height int) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// TestBrowser_reviewLoop drives the page in Chromium as a person would:
// sign in, see the post waiting, edit it past the limit and see the
// refusal, edit it within, approve it; the next fire puts exactly that
// text in the outbox.
func TestBrowser_reviewLoop(t *testing.T) {
	ctx := browser(t, 1280, 900)
	e := setup(t, "/hookline", "harbor-ferry-electric.md")
	rec := firstPost(t, e)
	card := "#post-" + itoa(rec.ID)
	const want = "Harbor Town's ferries now run on batteries. https://news.example.com/2026/04/harbor-ferry-electric #HarborTown"
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("browser: %s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("browser: read %s: %v", sel, err)
		}
		return s
	}
	step("sign in", chromedp.Navigate(e.base+"/"),
		chromedp.WaitVisible(`input[name=token]`),
		chromedp.SendKeys(`input[name=token]`, testToken),
		chromedp.Submit(`input[name=token]`),
		chromedp.WaitVisible(card))
	page := text(card)
	step("edit past the limit", chromedp.Click(card+` details.edit summary`),
		chromedp.SetValue(card+` textarea`, strings.Repeat("Batteries everywhere. ", 20)),
		chromedp.Click(card+` button.edit`),
		chromedp.WaitVisible(`.flash.error`))
	refused := text(`.flash.error`)
	step("edit within", chromedp.SetValue(card+` textarea`, want),
		chromedp.Click(card+` button.edit`),
		chromedp.WaitVisible(`p.flash:not(.error)`))
	step("approve", chromedp.Click(card+` button.approve`),
		chromedp.WaitVisible(card+`.state-approved`))
	flash := text(`p.flash`)
	if !strings.Contains(page, "review") || !strings.Contains(page, "/280") {
		t.Errorf("the card does not show a post under review with its length: %q", page)
	}
	if !strings.Contains(refused, "too many; shorten it") {
		t.Errorf("edit past the limit: flash %q, want the refusal", refused)
	}
	if !strings.Contains(flash, "approved") {
		t.Errorf("approve: flash %q", flash)
	}
	if _, err := e.d.Once(context.Background(), e.cfg); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(e.outbox)
	if err != nil {
		t.Fatalf("outbox: %v", err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var p struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("outbox line %q: %v", line, err)
		}
		got = append(got, p.Text)
	}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("outbox has %q, want exactly [%q]", got, want)
	}
}

func itoa(n int64) string { return store.FormatID(n) }

var screenshots = flag.Bool("screenshots", false, "write the README's screenshots of every page to docs/")

// TestBrowser_screenshots takes the README's pictures of the queue, week,
// history and article pages (go test ./web -run Screenshots -screenshots).
func TestBrowser_screenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("run with -screenshots to write docs/*.png")
	}
	ctx := browser(t, 1100, 900)
	e := setup(t, "", "harbor-ferry-electric.md", "city-library-night-hours.html", "museum-robot-guide.txt",
		"community-garden-water.txt", "night-train-returns.txt")
	seedShowcase(t, e)
	if err := chromedp.Do(ctx, chromedp.Navigate(e.base+"/login"), chromedp.WaitVisible(`input[name=token]`),
		chromedp.SendKeys(`input[name=token]`, testToken), chromedp.Submit(`input[name=token]`), chromedp.WaitVisible(`.card`)); err != nil {
		t.Fatal(err)
	}
	// Each page is reached by a click, as a person would: a Navigate after
	// the first does not finish with this chromedp.
	shots := []struct{ name, click, ready string }{
		{"week", `nav a[href="/week"]`, `.week`},
		{"history", `nav a[href="/history"]`, `.filter`},
		{"article", `.row .title a`, `blockquote`},
		{"queue", `nav a[href="/"]`, `section .cards`},
	}
	for _, s := range shots {
		if err := chromedp.Do(ctx, chromedp.Click(s.click), chromedp.WaitVisible(s.ready)); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		path := filepath.Join("..", "docs", "web-"+s.name+".png")
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d KB", path, len(png)/1024)
	}
}

package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/internal/faultnet"
	"github.com/hookline/hookline/store"
)

// secretFields are the config keys that hold credentials.
var secretFields = []string{"consumer_key", "consumer_secret", "access_token", "access_secret", "client_secret", "refresh_token", "app_password"}

// markers makes a unique marker per account × secret field.
func markers(t *testing.T) map[string]string {
	t.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, acct := range []string{"x1", "x2", "masto", "bsky"} {
		for _, f := range secretFields {
			m[acct+"."+f] = fmt.Sprintf("SECRET-MARKER-%s-%s-%s", acct, strings.ReplaceAll(f, "_", ""), hex.EncodeToString(b))
		}
	}
	return m
}

// secretsSetup writes a config whose accounts point at fresh faultnet fakes
// answering with fault, and whose every secret is a marker.
func secretsSetup(t *testing.T, mk map[string]string, fault faultnet.Fault) (dir string, env []string) {
	t.Helper()
	dir = t.TempDir()
	masto, xf, bsky := faultnet.NewMastodon(), faultnet.NewX(), faultnet.NewBluesky()
	for _, s := range []*faultnet.Server{masto.Server, xf.Server, bsky.Server} {
		t.Cleanup(s.Close)
		s.Set(fault, 0)
	}
	masto.Token, xf.RefreshToken, bsky.Password = mk["masto.access_token"], mk["x2.refresh_token"], mk["bsky.app_password"]
	art, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "articles", "kim-jong-un-china-trip.txt"))
	if err != nil {
		t.Fatalf("shared article missing (../shared beside the checkout): %v", err)
	}
	must(t, os.MkdirAll(filepath.Join(dir, "articles"), 0o700))
	must(t, os.WriteFile(filepath.Join(dir, "articles", "story.txt"), art, 0o600))
	cfg := fmt.Sprintf(`state: ./state.db
log: {level: debug, format: json}
sources:
  - {name: local, kind: folder, path: ./articles}
networks:
  - {name: box, kind: outbox, path: ./outbox.jsonl}
  - name: x1
    kind: x
    server: %[1]s
    consumer_key: %[2]s
    consumer_secret: %[3]s
    access_token: %[4]s
    access_secret: %[5]s
    timeout: 2s
  - name: x2
    kind: x
    server: %[1]s
    client_id: hookline-client
    client_secret: %[6]s
    refresh_token: %[7]s
    timeout: 2s
  - name: masto
    kind: mastodon
    server: %[8]s
    access_token: ${MASTO_TOKEN}
    timeout: 2s
  - name: bsky
    kind: bluesky
    server: %[9]s
    identifier: hookline.bsky.social
    app_password: %[10]s
    timeout: 2s
schedules:
  - {name: now, cron: "@daily", per_run: 1}
`, xf.URL, mk["x1.consumer_key"], mk["x1.consumer_secret"], mk["x1.access_token"], mk["x1.access_secret"],
		mk["x2.client_secret"], mk["x2.refresh_token"], masto.URL, bsky.URL, mk["bsky.app_password"])
	must(t, os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg), 0o600))
	return dir, []string{"MASTO_TOKEN=" + mk["masto.access_token"]}
}

// TestSecrets_NeverInOutput runs every command as a child process of the
// hookline binary, against networks that succeed and that fail in each way,
// with debug JSON logs, and finds no secret in anything Hookline wrote.
func TestSecrets_NeverInOutput(t *testing.T) {
	bin, err := exec.LookPath("hookline") // the test binary, installed by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	mk := markers(t)
	modes := []faultnet.Fault{faultnet.None, faultnet.Unauthorized, faultnet.RateLimited, faultnet.Status500, faultnet.Malformed}
	// Every failure path: post, the daemon's resend of what failed, and the
	// history that shows the errors.
	commands := [][]string{
		{"post", "articles/story.txt"},
		{"run", "--once"},
		{"history", "--format", "json"},
	}
	once := [][]string{
		{"post", "articles/story.txt"}, // again: already posted
		{"post", "--dry-run", "articles/story.txt"},
		{"history"},
		{"config", "show"},
		{"config", "check"},
		{"config", "check", "--strict"},
		{"preview", "articles/story.txt"},
		{"schedule"},
		{"keywords", "articles/story.txt"},
		{"version"},
	}
	runs := 0
	for i, mode := range modes {
		t.Run(mode.String(), func(t *testing.T) {
			dir, env := secretsSetup(t, mk, mode)
			cmds := commands
			if i == 0 {
				cmds = append(cmds, once...)
			}
			for _, args := range cmds {
				cmd := exec.Command(bin, append([]string{"--config", "config.yaml"}, args...)...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), env...)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				err := cmd.Run()
				runs++
				t.Logf("hookline %s: exit %v, %d bytes of output", strings.Join(args, " "), err, out.Len())
				scan(t, "output of hookline "+strings.Join(args, " "), out.Bytes(), mk)
			}
			if data, err := os.ReadFile(filepath.Join(dir, "outbox.jsonl")); err == nil {
				scan(t, "outbox.jsonl", data, mk)
			}
			scanState(t, filepath.Join(dir, "state.db"), mk)
			if mode == faultnet.None {
				if out, err := os.ReadFile(filepath.Join(dir, "outbox.jsonl")); err != nil || !bytes.Contains(out, []byte(`"account":"box"`)) {
					t.Errorf("no post reached the outbox (%v): the commands did not run for real", err)
				}
			}
		})
	}
	t.Logf("| secrets | every secret a marker; %d command runs against success, 401, 429, 500, malformed answers | no marker in stdout, stderr, outbox or state |", runs)
}

// scanState scans every table of the state file but tokens (which holds
// rotated tokens by design).
func scanState(t *testing.T, path string, mk map[string]string) {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open state: %v", err)
	}
	defer st.Close()
	rows, err := st.DB().Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'tokens'")
	must(t, err)
	var tables []string
	for rows.Next() {
		var n string
		must(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	rows.Close()
	var dump bytes.Buffer
	for _, tb := range tables {
		rs, err := st.DB().Query(`SELECT * FROM "` + tb + `"`)
		must(t, err)
		cols, _ := rs.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rs.Next() {
			must(t, rs.Scan(ptrs...))
			fmt.Fprintf(&dump, "%s: %s\n", tb, fmt.Sprint(vals...))
			for _, v := range vals {
				if b, ok := v.([]byte); ok {
					dump.Write(b)
				}
			}
		}
		rs.Close()
	}
	if !bytes.Contains(dump.Bytes(), []byte("posts:")) {
		t.Errorf("state file has no posts table rows to scan")
	}
	scan(t, "state file "+path, dump.Bytes(), mk)
}

func scan(t *testing.T, where string, data []byte, mk map[string]string) {
	t.Helper()
	for field, m := range mk {
		if i := bytes.Index(data, []byte(m)); i >= 0 {
			lo, hi := max(0, i-120), min(len(data), i+len(m)+40)
			t.Errorf("%s leaks %s: …%s…", where, field, data[lo:hi])
		}
	}
	if bytes.Contains(data, []byte("SECRET-MARKER")) {
		t.Errorf("%s holds a marker fragment", where)
	}
}

// TestSecrets_EchoingServers runs post, run --once and history against
// servers that echo the whole request (headers and body) in their error
// bodies, at every status, in both log formats, and finds no secret of the
// config and no token obtained at run time (Bluesky sessions, X's refreshed
// tokens, X's Basic credential) in stdout, stderr, the outbox or the state
// file.
func TestSecrets_EchoingServers(t *testing.T) {
	bin, err := exec.LookPath("hookline")
	if err != nil {
		t.Fatal(err)
	}
	mk := markers(t)
	// What the process obtains or derives: the fakes name their tokens
	// fake-access-N, fake-refresh-N, fake-access-jwt-N, fake-refresh-jwt-N.
	mk["x2.basic"] = base64.StdEncoding.EncodeToString([]byte("hookline-client:" + mk["x2.client_secret"]))
	mk["run-time access token"], mk["run-time refresh token"] = "fake-access-", "fake-refresh-"
	commands := [][]string{
		{"post", "articles/story.txt"},
		{"run", "--once"},
		{"history"},
		{"history", "--format", "json"},
	}
	bskySession := []string{"/xrpc/com.atproto.repo.createRecord", "/xrpc/com.atproto.repo.getRecord", "/xrpc/com.atproto.server.refreshSession"}
	reached := 0
	for i, code := range faultnet.EchoStatuses {
		format := []string{"json", "text"}[i%2]
		t.Run(fmt.Sprintf("%d/%s", code, format), func(t *testing.T) {
			dir, env := secretsSetup(t, mk, faultnet.None)
			fakes := echoSetup(t, dir, format)
			fakes.masto.SetEcho(code)
			fakes.x.SetEcho(code, []string{"/2/tweets", "/2/oauth2/token"}[i%2])
			if i%2 == 0 {
				fakes.bsky.SetEcho(code, "/xrpc/com.atproto.server.createSession")
			} else {
				fakes.bsky.SetEcho(code, bskySession...)
			}
			for _, args := range commands {
				cmd := exec.Command(bin, append([]string{"--config", "config.yaml"}, args...)...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), env...)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				_ = cmd.Run()
				if bytes.Contains(out.Bytes(), []byte("[redacted]")) {
					reached++
				}
				scan(t, "output of hookline "+strings.Join(args, " "), out.Bytes(), mk)
			}
			scanDaemonPages(t, bin, dir, env, mk)
			if data, err := os.ReadFile(filepath.Join(dir, "outbox.jsonl")); err == nil {
				scan(t, "outbox.jsonl", data, mk)
			}
			scanState(t, filepath.Join(dir, "state.db"), mk)
		})
	}
	if reached < len(faultnet.EchoStatuses) {
		t.Errorf("the echo reached the output in only %d runs: the test proves little", reached)
	}
	t.Logf("| secrets | servers echoing the whole request in error bodies at %v, logs text and JSON | no config secret or run-time token in stdout, stderr, outbox, state or history |", faultnet.EchoStatuses)
}

type echoFakes struct {
	masto *faultnet.Mastodon
	x     *faultnet.X
	bsky  *faultnet.Bluesky
}

// echoSetup points the config secretsSetup wrote at fresh fakes that the
// caller makes echo, with logs in format; the fakes accept the markers.
func echoSetup(t *testing.T, dir, format string) echoFakes {
	t.Helper()
	f := echoFakes{faultnet.NewMastodon(), faultnet.NewX(), faultnet.NewBluesky()}
	for _, s := range []*faultnet.Server{f.masto.Server, f.x.Server, f.bsky.Server} {
		t.Cleanup(s.Close)
	}
	path := filepath.Join(dir, "config.yaml")
	data, err := os.ReadFile(path)
	must(t, err)
	var cfg map[string]any
	must(t, yaml.Unmarshal(data, &cfg))
	cfg["log"] = map[string]any{"level": "debug", "format": format}
	for _, n := range cfg["networks"].([]any) {
		acct := n.(map[string]any)
		switch acct["kind"] {
		case "mastodon":
			acct["server"] = f.masto.URL
		case "x":
			acct["server"] = f.x.URL
		case "bluesky":
			acct["server"] = f.bsky.URL
		}
	}
	out, err := yaml.Marshal(cfg)
	must(t, err)
	must(t, os.WriteFile(path, out, 0o600))
	return f
}

func TestSecrets_Redaction(t *testing.T) {
	const val = "SECRET-MARKER-redaction"
	acct := config.Account{Name: "x-main", Kind: "x", ConsumerKey: val, ConsumerSecret: val, AccessToken: val,
		AccessSecret: val, ClientSecret: val, RefreshToken: val, AppPassword: val}
	cfg := config.Config{Networks: []config.Account{acct}}
	s := config.Secret(val)
	forms := map[string]func() (string, error){
		"%v":          func() (string, error) { return fmt.Sprintf("%v", s), nil },
		"%+v":         func() (string, error) { return fmt.Sprintf("%+v", s), nil },
		"%#v":         func() (string, error) { return fmt.Sprintf("%#v", s), nil },
		"%s":          func() (string, error) { return fmt.Sprintf("%s", s), nil }, //lint:ignore S1025 the %s verb is what is tested
		"%q":          func() (string, error) { return fmt.Sprintf("%q", s), nil },
		"%x":          func() (string, error) { return fmt.Sprintf("%x", s), nil },
		"account %v":  func() (string, error) { return fmt.Sprintf("%v", acct), nil },
		"account %+v": func() (string, error) { return fmt.Sprintf("%+v", acct), nil },
		"account %#v": func() (string, error) { return fmt.Sprintf("%#v", acct), nil },
		"config %+v":  func() (string, error) { return fmt.Sprintf("%+v", cfg), nil },
		"config %#v":  func() (string, error) { return fmt.Sprintf("%#v", &cfg), nil },
		"json":        func() (string, error) { b, err := json.Marshal(cfg); return string(b), err },
		"yaml":        func() (string, error) { b, err := yaml.Marshal(cfg); return string(b), err },
		"json secret": func() (string, error) { b, err := json.Marshal(s); return string(b), err },
		"yaml secret": func() (string, error) { b, err := yaml.Marshal(s); return string(b), err },
	}
	for name, f := range forms {
		t.Run(name, func(t *testing.T) {
			out, err := f()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out, "MARKER") || strings.Contains(out, hex.EncodeToString([]byte("MARKER"))) ||
				(name != "%x" && !strings.Contains(out, "[redacted]")) {
				t.Errorf("%s = %s; want [redacted] and no secret", name, out)
			}
		})
	}
	if s.Value() != val {
		t.Errorf("Value() = %q, want the secret itself", s.Value())
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// daemonPages are what the daemon serves on its listen address.
var daemonPages = []string{"/healthz", "/readyz", "/metrics"}

// scanDaemonPages runs the daemon on the config in dir with a listen
// address and a schedule that fires each second, waits for a fire against
// the echoing fakes, and scans its pages and its output for the markers.
func scanDaemonPages(t *testing.T, bin, dir string, env []string, mk map[string]string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	addr := ln.Addr().String()
	must(t, ln.Close())
	path := filepath.Join(dir, "config.yaml")
	data, err := os.ReadFile(path)
	must(t, err)
	var cfg map[string]any
	must(t, yaml.Unmarshal(data, &cfg))
	cfg["listen"] = addr
	cfg["schedules"] = []any{map[string]any{"name": "tick", "cron": "@every 1s", "per_run": 1}}
	out, err := yaml.Marshal(cfg)
	must(t, err)
	must(t, os.WriteFile(path, out, 0o600))
	defer func() { must(t, os.WriteFile(path, data, 0o600)) }()

	cmd := exec.Command(bin, "--config", "config.yaml", "run")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	must(t, cmd.Start())
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			_ = cmd.Process.Signal(syscall.SIGTERM)
			_ = cmd.Wait()
		}
	}
	defer stop()
	get := func(page string) ([]byte, error) {
		resp, err := http.Get("http://" + addr + page)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	// Wait for a fire: the daemon is a separate process, so the test polls
	// its metrics, bounded by a deadline.
	deadline := time.Now().Add(30 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if body, err := get("/metrics"); err == nil && bytes.Contains(body, []byte("hookline_fires_total{")) {
			break
		}
		if time.Now().After(deadline) {
			stop()
			t.Fatalf("no fire within 30 s; daemon output:\n%s", logs.String())
		}
		<-tick.C
	}
	for _, page := range daemonPages {
		body, err := get(page)
		if err != nil {
			t.Fatalf("GET %s: %v", page, err)
		}
		scan(t, "the daemon's "+page, body, mk)
	}
	stop()
	scan(t, "output of hookline run", logs.Bytes(), mk)
}

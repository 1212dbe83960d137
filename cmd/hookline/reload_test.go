package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRun_SIGHUPRefusesEmptyConfig runs the daemon, empties its config
// (only comments left) and sends SIGHUP: the reload is refused with the
// key-naming error and the running config stays; a real edit after it is
// still taken.
func TestRun_SIGHUPRefusesEmptyConfig(t *testing.T) {
	bin, err := exec.LookPath("hookline") // the test binary, installed by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "config.yaml")
	writeConfig := func(body string) {
		t.Helper()
		// A new file renamed over the old, so the watcher never sees it half written.
		must(t, os.WriteFile(cfgPath+".tmp", []byte(body), 0o600))
		must(t, os.Rename(cfgPath+".tmp", cfgPath))
	}
	const good = `state: ./state.db
log: {format: json}
networks:
  - {name: out, kind: outbox, path: ./outbox.jsonl}
schedules:
  - {name: yearly, cron: "0 0 1 1 *"}
`
	writeConfig(good)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // guards a hung test only
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--config", "config.yaml", "run")
	cmd.Dir = dir
	stderr, err := cmd.StderrPipe()
	must(t, err)
	must(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := make(chan map[string]any)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var rec map[string]any
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				lines <- rec
			}
		}
	}()
	// await returns the first record whose msg is one of msgs.
	await := func(msgs ...string) map[string]any {
		t.Helper()
		for rec := range lines {
			msg, _ := rec["msg"].(string)
			for _, m := range msgs {
				if msg == m {
					return rec
				}
			}
		}
		t.Fatalf("daemon ended without logging any of %q", msgs)
		return nil
	}
	await("hookline running")

	writeConfig("# all commented out\n# networks: []\n")
	must(t, cmd.Process.Signal(syscall.SIGHUP))
	rec := await("config edit rejected; the running config stays", "config reloaded")
	if rec["msg"] != "config edit rejected; the running config stays" ||
		!strings.Contains(rec["error"].(string), "config.yaml: the file is empty (no sources:, networks: or schedules:); "+
			"the running config stays: restore the file's content") ||
		strings.Contains(rec["error"].(string), "embedded default") {
		t.Fatalf("empty config at SIGHUP: %v; want it rejected with the key-naming error and advice for a running daemon", rec)
	}

	writeConfig(strings.Replace(good, "yearly", "renamed", 1))
	must(t, cmd.Process.Signal(syscall.SIGHUP))
	if rec := await("config reloaded"); rec["schedules"] != float64(1) {
		t.Errorf("reload after the refused one: %v; want 1 schedule", rec)
	}
	must(t, cmd.Process.Signal(syscall.SIGTERM))
	for range lines {
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("daemon exit: %v", err)
	}
}

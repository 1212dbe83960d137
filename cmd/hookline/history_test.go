package main

import (
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/store"
)

// TestWriteHistoryText_Interrupted: a post cut off by the shutdown timeout
// (recorded failed, due at once, resent at the next start) says so, not
// "retry …: context canceled".
func TestWriteHistoryText_Interrupted(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	recs := []store.PostRecord{{ArticleID: "a", Account: "masto", State: store.Failed, Attempts: 1, Title: "Ferry",
		LastError: "masto: post status: context canceled", Note: store.NoteInterrupted, NextAttempt: now, UpdatedAt: now}}
	var b strings.Builder
	if err := writeHistoryText(&b, recs, time.UTC); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); !strings.Contains(out, "interrupted by shutdown; resent at next start") || strings.Contains(out, "context canceled") {
		t.Errorf("history:\n%s", out)
	}
}

// TestWriteHistoryText_LongArticlePath: an untitled article with a long
// path keeps its file name; it is the start of the path that is cut.
func TestWriteHistoryText_LongArticlePath(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	id := "file:///home/runner/work/a-checkout-directory-deep-enough/shared/articles/ferry-sinks.txt"
	recs := []store.PostRecord{{ArticleID: id, Account: "box", State: store.Posted, Attempts: 1, URL: "file:///o#1", UpdatedAt: now}}
	var b strings.Builder
	if err := writeHistoryText(&b, recs, time.UTC); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "…") || !strings.HasSuffix(strings.TrimSpace(out), "/shared/articles/ferry-sinks.txt") {
		t.Errorf("history:\n%s", out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		if f := strings.Fields(line); len([]rune(f[len(f)-1])) != 60 {
			t.Errorf("title column %q: want 60 runes", f[len(f)-1])
		}
	}
}

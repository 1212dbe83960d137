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

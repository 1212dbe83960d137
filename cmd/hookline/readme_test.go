package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The README's review loop and the testscript that runs it are the same
// commands, so the README shows what is tested.
func TestREADME_reviewLoop(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("testdata/script/readme_review_loop.txtar")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)<!-- review loop -->\n```sh\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatal("README.md: no ```sh block after <!-- review loop -->")
	}
	var want []string
	for _, line := range strings.Split(string(block[1]), "\n") {
		line, _, _ = strings.Cut(line, "  #")
		if line = strings.TrimSpace(line); line != "" {
			want = append(want, line)
		}
	}
	_, loop, _ := strings.Cut(string(script), "# README loop begins\n")
	loop, _, _ = strings.Cut(loop, "# README loop ends")
	var got []string
	for _, line := range strings.Split(loop, "\n") {
		switch {
		case strings.HasPrefix(line, "env "):
			got = append(got, "export "+strings.TrimPrefix(line, "env "))
		case strings.HasPrefix(line, "exec "):
			got = append(got, strings.TrimPrefix(line, "exec "))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README review loop:\n%s\n\ntestscript runs:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

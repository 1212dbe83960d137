package schedule

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An edit of nothing but the hook paragraph of a folder article is an
// edit: the article keeps its id, its content hash changes, and a source
// with repost_edited posts it again, under a new key; one without does not.
func TestFire_HookEditReposted(t *testing.T) {
	const (
		story = "Night train returns\n\n%HOOK%\n\nThe night train between the two cities returns after ten years, the operator said on Monday.\n\n" +
			"Tickets go on sale next week, and the first train leaves in May with sleeper cars.\n"
		hook   = "Who misses the night train? It is coming back to the valley."
		edited = "Who misses the night train? It is coming back to the valley in May."
		id     = "folder:folder:valley.txt"
	)
	for _, repost := range []bool{true, false} {
		name := "repost_edited"
		if !repost {
			name = "without repost_edited"
		}
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, t0, "box")
			if err := os.Remove(filepath.Join(h.dir, "articles", "night-train.md")); err != nil {
				t.Fatal(err)
			}
			cfg := h.config(hourly("s"))
			cfg.Sources[0].RepostEdited = repost
			p, err := h.d.build(h.ctx, cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			write := func(hook string) {
				t.Helper()
				h.write("valley.txt", strings.Replace(story, "%HOOK%", hook, 1))
				if _, err := p.sources[0].src.Poll(h.ctx); err != nil {
					t.Fatal(err)
				}
			}

			write(hook)
			before, err := h.store.Article(h.ctx, id)
			if err != nil || before.Hook != hook {
				t.Fatalf("article %+v, %v; want the hook recognised", before, err)
			}
			if r := h.d.fire(h.ctx, p, p.jobs[0], t0); r.Posted() != 1 {
				t.Fatalf("first fire: %+v", r)
			}

			// The edit changes the size, so the folder sees it without
			// waiting for the clock.
			write(edited)
			after, err := h.store.Article(h.ctx, id)
			if err != nil || after.Hook != edited || after.Title != before.Title || after.Body() != before.Body() {
				t.Fatalf("edited article %+v, %v; want only the hook changed", after, err)
			}
			if after.Hash == before.Hash || after.Hash != after.ContentHash() {
				t.Fatalf("content hash %s after the hook edit, %s before", after.Hash, before.Hash)
			}

			h.clock.Advance(time.Hour)
			r := h.d.fire(h.ctx, p, p.jobs[0], t0.Add(time.Hour))
			posts := h.pubs["box"].posts
			if !repost {
				if len(r.Results) != 0 || len(posts) != 1 {
					t.Fatalf("without repost_edited the edit was posted: %+v", r.Results)
				}
				return
			}
			if r.Posted() != 1 || len(posts) != 2 {
				t.Fatalf("with repost_edited the edit was not posted again: %+v", r)
			}
			if want := posts[0].IdempotencyKey + ":" + after.Hash[:12]; posts[1].IdempotencyKey != want {
				t.Errorf("reposted under key %q, want %q", posts[1].IdempotencyKey, want)
			}
		})
	}
}

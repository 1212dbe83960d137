package schedule

import (
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/store"
)

// fireReview builds cfg and returns a function that polls and fires its
// first schedule at t0 + after.
func fireReview(t *testing.T, h *harness, cfg *config.Config) func(after time.Duration) FireReport {
	t.Helper()
	p, err := h.d.build(h.ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.sources[0].src.Poll(h.ctx); err != nil {
		t.Fatal(err)
	}
	return func(after time.Duration) FireReport {
		h.clock.Advance(t0.Add(after).Sub(h.clock.Now()))
		return h.d.fire(h.ctx, p, p.jobs[0], t0.Add(after))
	}
}

// Under review a fire sends nothing and stores the post; the account that
// overrides review: auto gets its post at once; once approved (here on
// its own, auto_approve_after) the stored, edited text goes out at the
// next fire, once.
func TestFire_Review(t *testing.T) {
	h := newHarness(t, t0, "box", "direct")
	s := hourly("s")
	s.Review, s.AutoApproveAfter = config.ReviewApprove, 90*time.Minute
	cfg := h.config(s)
	for i := range cfg.Networks {
		if cfg.Networks[i].Name == "direct" {
			cfg.Networks[i].Review = config.ReviewAuto
		}
	}
	fire := fireReview(t, h, cfg)

	r := fire(0)
	if len(r.Proposed) != 1 || r.Proposed[0].Account != "box" || r.Proposed[0].State != store.Review || r.Posted() != 1 {
		t.Fatalf("first fire: proposed %+v, posted %d; want box's post for review, direct's sent", r.Proposed, r.Posted())
	}
	if h.pubs["box"].count() != 0 || h.pubs["direct"].count() != 1 {
		t.Fatalf("sent %d to box, %d to direct", h.pubs["box"].count(), h.pubs["direct"].count())
	}
	id := r.Proposed[0].ID
	if _, err := h.store.Edit(h.ctx, id, store.Post{Text: "Edited by a person. #NightTrain"}); err != nil {
		t.Fatal(err)
	}

	if r := fire(time.Hour); r.Posted() != 0 || h.pubs["box"].count() != 0 {
		t.Fatalf("second fire, before auto-approval: %+v", r.Results)
	}
	if r := fire(2 * time.Hour); r.Posted() != 1 {
		t.Fatalf("third fire, auto-approved: %+v", r.Results)
	}
	if r := fire(3 * time.Hour); r.Posted() != 0 {
		t.Fatalf("fourth fire: %+v", r.Results)
	}
	posts := h.pubs["box"].posts
	if len(posts) != 1 || posts[0].Text != "Edited by a person. #NightTrain" {
		t.Fatalf("box got %+v; want the edited text once", posts)
	}
}

// reshare_after brings an evergreen article back as a new post with a new
// key, recorded as a re-share of the first, with a text not posted before
// (here the written teaser, the first post having gone out as a person
// edited it); once no variant gives new text, it is not shared again.
func TestFire_Reshare(t *testing.T) {
	h := newHarness(t, t0, "box")
	s := hourly("s")
	s.Review, s.ReshareAfter = config.ReviewApprove, 30*24*time.Hour
	fire := fireReview(t, h, h.config(s))
	const day = 24 * time.Hour
	approveAll := func(r FireReport) {
		t.Helper()
		for _, p := range r.Proposed {
			if _, err := h.store.Approve(h.ctx, p.ID); err != nil {
				t.Fatal(err)
			}
		}
	}

	r := fire(0)
	if len(r.Proposed) != 1 {
		t.Fatalf("first fire: %+v", r)
	}
	if _, err := h.store.Edit(h.ctx, r.Proposed[0].ID, store.Post{Text: "The night train is back. #NightTrain"}); err != nil {
		t.Fatal(err)
	}
	approveAll(r)
	if r := fire(time.Hour); r.Posted() != 1 {
		t.Fatalf("approved post not sent: %+v", r.Results)
	}
	if r := fire(29 * day); len(r.Proposed)+r.Posted() != 0 {
		t.Fatalf("before reshare_after: %+v", r)
	}
	r = fire(31 * day)
	if len(r.Proposed) != 1 || r.Proposed[0].Share != 1 {
		t.Fatalf("after reshare_after: proposed %+v; want share 1", r.Proposed)
	}
	approveAll(r)
	if r := fire(31*day + time.Hour); r.Posted() != 1 {
		t.Fatalf("re-share not sent: %+v", r.Results)
	}
	if r := fire(70 * day); len(r.Proposed)+r.Posted() != 0 {
		t.Fatalf("no new text left, yet: %+v", r)
	}

	posts := h.pubs["box"].posts
	if len(posts) != 2 || posts[0].Text == posts[1].Text || posts[0].IdempotencyKey == posts[1].IdempotencyKey {
		t.Fatalf("posts %+v; want two, texts and keys of their own", posts)
	}
	shares, err := h.store.Shares(h.ctx, "https://news.example/night-train", "box")
	if err != nil {
		t.Fatal(err)
	}
	if len(shares) != 2 || shares[1].Share != 1 || shares[1].ReshareOf != shares[0].ID || shares[1].State != store.Posted {
		t.Fatalf("rows %+v; want the second a posted re-share of the first", shares)
	}
}

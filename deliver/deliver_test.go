package deliver

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

func TestKey(t *testing.T) {
	k := Key("https://e.com/a", "x-main")
	if k != Key("https://e.com/a", "x-main") || !strings.HasPrefix(k, "hl-") || len(k) != 35 {
		t.Fatalf("Key = %q", k)
	}
	for _, other := range []string{Key("https://e.com/a", "x-alt"), Key("https://e.com/b", "x-main"), Key("https://e.com/ax", "-main")} {
		if other == k {
			t.Fatalf("collision: %q", other)
		}
	}
}

func TestBackoff_Delay(t *testing.T) {
	b := DefaultBackoff
	tests := []struct {
		n    int
		rnd  float64
		want time.Duration
	}{
		{1, 0, 30 * time.Second},
		{1, 0.5, 45 * time.Second},
		{2, 0, time.Minute},
		{4, 0.999999, 8 * time.Minute},
		{10, 0, 3 * time.Hour},
		{100, 0.5, 4*time.Hour + 30*time.Minute},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d,rnd=%v", tt.n, tt.rnd), func(t *testing.T) {
			got := b.Delay(tt.n, func() float64 { return tt.rnd })
			if d := got - tt.want; d < -time.Millisecond || d > time.Millisecond {
				t.Fatalf("Delay = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDeliver_Outcomes(t *testing.T) {
	reset := t0.Add(17 * time.Minute)
	tests := []struct {
		name      string
		err       error
		attempts  int // attempts already made before this one
		wantState store.State
		wantNext  time.Time
		wantNote  string
		wantError string
	}{
		{name: "success", wantState: store.Posted},
		{name: "duplicate counts as posted", err: fmt.Errorf("x: 403: %w", publish.ErrDuplicate), wantState: store.Posted, wantNote: "duplicate"},
		{name: "server error backs off", err: errors.New("mastodon: 503"), wantState: store.Failed, wantNext: t0.Add(45 * time.Second), wantError: "mastodon: 503"},
		{name: "third failure backs off longer", err: errors.New("mastodon: 502"), attempts: 2, wantState: store.Failed, wantNext: t0.Add(3 * time.Minute), wantError: "502"},
		{name: "rate limit waits for reset", err: &publish.RateLimitError{Reset: reset, Err: errors.New("429")}, wantState: store.Failed, wantNext: reset, wantError: "rate limited until"},
		{name: "rate limit without reset backs off", err: &publish.RateLimitError{Err: errors.New("429")}, wantState: store.Failed, wantNext: t0.Add(45 * time.Second), wantError: "rate limited"},
		{name: "unauthorized is permanent", err: fmt.Errorf("x-main: 401: %w", publish.ErrUnauthorized), wantState: store.Failed, wantError: "401: unauthorized"},
		{name: "invalid is permanent", err: fmt.Errorf("too long: %w", publish.ErrInvalid), wantState: store.Failed, wantError: "invalid"},
		{name: "quota is permanent", err: publish.ErrQuota, wantState: store.Failed, wantError: "quota"},
		{name: "quota with a reset waits for it", err: capError{reset}, wantState: store.Failed, wantNext: reset, wantError: "cap reached"},
		{name: "eighth failure gives up", err: errors.New("503"), attempts: 7, wantState: store.Failed, wantError: "gave up after 8 attempts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, clk := setup(t)
			ctx := context.Background()
			pub := &fakePub{err: func(int) error { return tt.err }}
			p := post("https://e.com/a", "acct")
			for range tt.attempts { // earlier failed attempts, each due again
				pre := &fakePub{err: func(int) error { return errors.New("earlier 500") }}
				if r := d.Deliver(ctx, []Job{{Post: p, Publisher: pre}})[0]; r.State != store.Failed {
					t.Fatalf("setup attempt: %+v", r)
				}
				clk.Add(7 * time.Hour)
			}
			start := clk.Now()
			res := d.Deliver(ctx, []Job{{Post: p, Publisher: pub}})
			if len(res) != 1 {
				t.Fatalf("results = %d", len(res))
			}
			r := res[0]
			if r.State != tt.wantState || r.Attempt != tt.attempts+1 {
				t.Fatalf("result = %+v, want state %s attempt %d", r, tt.wantState, tt.attempts+1)
			}
			wantNext := tt.wantNext
			if !wantNext.IsZero() {
				wantNext = wantNext.Add(start.Sub(t0))
			}
			rec, err := d.Store.Post(ctx, p.ArticleID, p.Account)
			if err != nil {
				t.Fatal(err)
			}
			if rec.State != tt.wantState || !rec.NextAttempt.Equal(wantNext) || !r.NextAttempt.Equal(wantNext) {
				t.Fatalf("row state %s next %v (result %v); want %s next %v", rec.State, rec.NextAttempt, r.NextAttempt, tt.wantState, wantNext)
			}
			if rec.Note != tt.wantNote || !strings.Contains(rec.LastError, tt.wantError) || (tt.wantError == "") != (rec.LastError == "") {
				t.Fatalf("note %q last_error %q; want %q, %q", rec.Note, rec.LastError, tt.wantNote, tt.wantError)
			}
			if rec.Attempts != tt.attempts+1 || rec.IdempotencyKey != Key(p.ArticleID, p.Account) {
				t.Fatalf("attempts %d key %q", rec.Attempts, rec.IdempotencyKey)
			}
			if tt.wantState == store.Posted && (rec.PostedAt.IsZero() || (tt.err == nil && rec.ReceiptID != rec.IdempotencyKey)) {
				t.Fatalf("posted row without receipt: %+v", rec)
			}
			// A second delivery never sends again unless a retry is due.
			again := d.Deliver(ctx, []Job{{Post: p, Publisher: pub}})[0]
			if !again.Skipped || pub.count() != 1 {
				t.Fatalf("second delivery = %+v, sent %d", again, pub.count())
			}
		})
	}
}

func TestDeliver_InterruptedIsDueAtOnce(t *testing.T) {
	d, _ := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	pub := &fakePub{entry: make(chan struct{}, 1), hold: make(chan struct{})}
	done := make(chan Result)
	go func() { done <- d.Deliver(ctx, []Job{{Post: post("a", "m"), Publisher: pub}})[0] }()
	<-pub.entry
	cancel()
	r := <-done
	rec, _ := d.Store.Post(context.Background(), "a", "m")
	if r.State != store.Failed || rec.State != store.Failed || !rec.NextAttempt.Equal(t0) {
		t.Fatalf("interrupted: result %+v, row %s next %v; want failed, due now", r, rec.State, rec.NextAttempt)
	}
}

func TestDeliver_SameArticleTwiceConcurrently(t *testing.T) {
	t.Run("second finds it in flight", func(t *testing.T) {
		d, _ := setup(t)
		pub := &fakePub{entry: make(chan struct{}, 1), hold: make(chan struct{})}
		job := Job{Post: post("a", "m"), Publisher: pub}
		first := make(chan Result)
		go func() { first <- d.Deliver(context.Background(), []Job{job})[0] }()
		<-pub.entry
		second := d.Deliver(context.Background(), []Job{job})[0]
		close(pub.hold)
		r := <-first
		if !second.Skipped || second.Reason != "in flight" || r.State != store.Posted || pub.count() != 1 {
			t.Fatalf("first %+v second %+v sent %d", r, second, pub.count())
		}
	})
	t.Run("many goroutines, one post", func(t *testing.T) {
		d, _ := setup(t)
		pub := &fakePub{}
		var wg sync.WaitGroup
		for range 20 {
			wg.Go(func() {
				d.Deliver(context.Background(), []Job{{Post: post("a", "m"), Publisher: pub}, {Post: post("b", "m"), Publisher: pub}})
			})
		}
		wg.Wait()
		if pub.count() != 2 {
			t.Fatalf("sent %d posts, want 2", pub.count())
		}
	})
}

func TestDeliver_ManyAccountsConcurrently(t *testing.T) {
	d, _ := setup(t)
	d.Concurrency = 4
	pub := &fakePub{entry: make(chan struct{}, 100), hold: make(chan struct{})}
	var jobs []Job
	for i := range 10 {
		jobs = append(jobs, Job{Post: post("a", fmt.Sprint("acct-", i)), Publisher: pub})
	}
	done := make(chan []Result)
	go func() { done <- d.Deliver(context.Background(), jobs) }()
	for range 4 { // four in flight at once before any returns
		<-pub.entry
	}
	close(pub.hold)
	res := <-done
	for i, r := range res {
		if r.State != store.Posted || r.Account != jobs[i].Post.Account {
			t.Fatalf("result %d = %+v", i, r)
		}
	}
	if len(pub.entry) > 6 {
		t.Fatalf("too many in flight")
	}
}

func TestResume(t *testing.T) {
	ctx := context.Background()
	d, clk := setup(t)
	// A row left posting by a crashed process whose lease has run out.
	orig := post("crashed", "m")
	orig.IdempotencyKey = Key(orig.ArticleID, orig.Account)
	crashed, err := store.Open(ctx, d.Store.Path())
	if err != nil {
		t.Fatal(err)
	}
	if c, err := crashed.Claim(ctx, store.ClaimRequest{Post: StoredPost(orig, 0), Now: clk.Now()}); err != nil || c.Outcome != store.ClaimSend {
		t.Fatal(c, err)
	}
	crashed.Close()
	d.Store.DB().Exec("UPDATE posts SET owner = '2147483647@elsewhere:dead', claimed_at = 0 WHERE article_id = 'crashed'")
	// A failed row due in one minute, one permanent, one for an unknown account.
	failing := &fakePub{err: func(int) error { return errors.New("503") }}
	d.Deliver(ctx, []Job{{Post: post("retry", "m"), Publisher: failing}})
	d.Deliver(ctx, []Job{{Post: post("perm", "m"), Publisher: &fakePub{err: func(int) error { return publish.ErrUnauthorized }}}})
	d.Deliver(ctx, []Job{{Post: post("other", "gone"), Publisher: failing}})

	pub := &fakePub{}
	res := d.Resume(ctx, map[string]publish.Publisher{"m": pub})
	if len(res) != 1 || res[0].ArticleID != "crashed" || res[0].State != store.Posted || pub.count() != 1 {
		t.Fatalf("resume now = %+v, sent %d", res, pub.count())
	}
	if got := pub.sent[0]; got.Text != orig.Text || got.IdempotencyKey != orig.IdempotencyKey {
		t.Fatalf("resent %+v, want the stored post with key %s", got, orig.IdempotencyKey)
	}
	clk.Add(time.Hour)
	res = d.Resume(ctx, map[string]publish.Publisher{"m": pub})
	if len(res) != 2 || res[0].Account != "gone" || !res[0].Skipped || res[1].ArticleID != "retry" ||
		res[1].State != store.Posted || res[1].Attempt != 2 {
		t.Fatalf("resume later = %+v", res)
	}
	if res := d.Resume(ctx, map[string]publish.Publisher{"m": pub}); len(res) != 1 || res[0].Account != "gone" {
		t.Fatalf("only the unknown account's post should be left: %+v", res)
	}
	if rec, _ := d.Store.Post(ctx, "perm", "m"); rec.State != store.Failed || !strings.Contains(rec.LastError, "unauthorized") {
		t.Fatalf("permanent row = %+v", rec)
	}
}

func BenchmarkDeliver(b *testing.B) {
	d, _ := setup(b)
	d.Log = discardLogger()
	pubs := make([]*fakePub, 100)
	for i := range pubs {
		pubs[i] = &fakePub{}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		jobs := make([]Job, 100)
		for i := range jobs {
			jobs[i] = Job{Post: post(fmt.Sprint("article-", n), fmt.Sprint("acct-", i)), Publisher: pubs[i]}
		}
		n++
		for _, r := range d.Deliver(context.Background(), jobs) {
			if r.State != store.Posted {
				b.Fatalf("%+v", r)
			}
		}
	}
}

// TestDeliver_CommitFailsThenResume: the network accepts the post but the
// store cannot record it; the row stays posting, and Resume in the same
// process sends it again with the same key.
func TestDeliver_CommitFailsThenResume(t *testing.T) {
	ctx := context.Background()
	d, _ := setup(t)
	if _, err := d.Store.DB().Exec(`CREATE TRIGGER no_posted BEFORE UPDATE ON posts WHEN NEW.state = 'posted'
		BEGIN SELECT RAISE(ABORT, 'injected commit failure'); END`); err != nil {
		t.Fatal(err)
	}
	pub := &fakePub{}
	r := d.Deliver(ctx, []Job{{Post: post("a", "m"), Publisher: pub}})[0]
	if r.Err == nil || !strings.Contains(r.Err.Error(), "injected commit failure") {
		t.Fatalf("result = %+v, want the commit error", r)
	}
	if rec, _ := d.Store.Post(ctx, "a", "m"); rec.State != store.Posting {
		t.Fatalf("row = %s, want posting", rec.State)
	}
	d.Store.DB().Exec("DROP TRIGGER no_posted")
	res := d.Resume(ctx, map[string]publish.Publisher{"m": pub})
	if len(res) != 1 || res[0].State != store.Posted || res[0].Attempt != 2 {
		t.Fatalf("resume = %+v", res)
	}
	if pub.count() != 2 || pub.sent[0].IdempotencyKey != pub.sent[1].IdempotencyKey || pub.sent[0].Text != pub.sent[1].Text {
		t.Fatalf("sent %+v; want the same post twice with one key", pub.sent)
	}
}

// capError is a quota error that knows its reset, like x.CapError.
type capError struct{ reset time.Time }

func (e capError) Error() string         { return "daily cap reached" }
func (e capError) Unwrap() error         { return publish.ErrQuota }
func (e capError) QuotaReset() time.Time { return e.reset }

// TestDeliver_missingKeyOfReshare checks that a re-share sent without an
// idempotency key gets its own (ReshareKey), not the first post's: the
// network would take it for the first post and drop it.
func TestDeliver_missingKeyOfReshare(t *testing.T) {
	d, _ := setup(t)
	pub := &fakePub{}
	p := post("a", "m")
	d.Deliver(context.Background(), []Job{{Post: p, Publisher: pub}, {Post: p, Publisher: pub, Share: 2}})
	keys := map[string]bool{}
	for _, s := range pub.sent {
		keys[s.IdempotencyKey] = true
	}
	if len(pub.sent) != 2 || !keys[Key("a", "m")] || !keys[ReshareKey("a", "m", 2)] {
		t.Fatalf("sent %+v; want the first post's key and the re-share's", pub.sent)
	}
}

// TestDeliver_retryByHand: a post that failed because an earlier attempt
// could not be confirmed (publish.ErrUnconfirmed) is not resent by the
// daemon on its own; after hookline retry, the daemon's resume pass sends
// it as a send a person asked for (publish.Post.ByHand), so the network
// sends it rather than refuse again.
func TestDeliver_retryByHand(t *testing.T) {
	ctx := context.Background()
	d, clk := setup(t)
	d.Store.Now = clk.Now
	pub := &fakePub{err: func(n int) error {
		if n == 1 {
			return errors.New("connection reset")
		}
		return fmt.Errorf("not sent again: %w", publish.ErrUnconfirmed)
	}}
	d.Deliver(ctx, []Job{{Post: post("a", "m"), Publisher: pub}})
	clk.Add(time.Hour)
	res := d.Resume(ctx, map[string]publish.Publisher{"m": pub})
	if len(res) != 1 || res[0].State != store.Failed || !res[0].NextAttempt.IsZero() {
		t.Fatalf("resume = %+v; want failed for good", res)
	}
	clk.Add(time.Hour)
	if res := d.Resume(ctx, map[string]publish.Publisher{"m": pub}); len(res) != 0 {
		t.Fatalf("resumed %+v; an unconfirmed post waits for a person", res)
	}
	rec, err := d.Store.Post(ctx, "a", "m")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Store.Retry(ctx, rec.ID); err != nil {
		t.Fatal(err)
	}
	pub.err = nil
	res = d.Resume(ctx, map[string]publish.Publisher{"m": pub})
	if len(res) != 1 || res[0].State != store.Posted {
		t.Fatalf("resume after retry = %+v", res)
	}
	if got := pub.sent[len(pub.sent)-1]; !got.ByHand || pub.sent[1].ByHand {
		t.Fatalf("ByHand of the sends: %v then %v; want false for the daemon's, true after hookline retry", pub.sent[1].ByHand, got.ByHand)
	}
}

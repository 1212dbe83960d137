package faultnet

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// toot posts a status the way go-mastodon does, with a short deadline.
func toot(t *testing.T, m *Mastodon, key, text string) (*http.Response, []byte, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, m.URL+"/api/v1/statuses", strings.NewReader(url.Values{"status": {text}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer tok")
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

func TestServer_Faults(t *testing.T) {
	tests := []struct {
		fault       Fault
		wantErr     bool // the client sees a transport error or its deadline
		wantCode    int
		wantCreated int
		wantHeader  string // a header the answer must carry
		noHeader    string // a header it must not carry
		badJSON     bool
	}{
		{fault: None, wantCode: 200, wantCreated: 1},
		{fault: Status500, wantCode: 500},
		{fault: Status502, wantCode: 502},
		{fault: Status503, wantCode: 503},
		{fault: Unauthorized, wantCode: 401},
		{fault: Hang, wantErr: true},
		{fault: Reset, wantErr: true},
		{fault: ResetAfter, wantErr: true, wantCreated: 1},
		{fault: Slow, wantErr: true, wantCreated: 1},
		{fault: Late, wantErr: true, wantCreated: 1},
		{fault: Malformed, wantCode: 200, wantCreated: 1, badJSON: true},
		{fault: RateLimited, wantCode: 429, wantHeader: "X-RateLimit-Reset"},
		{fault: RateLimitedNoReset, wantCode: 429, noHeader: "X-RateLimit-Reset"},
	}
	for _, tt := range tests {
		t.Run(tt.fault.String(), func(t *testing.T) {
			m := NewMastodon()
			t.Cleanup(m.Close)
			clk := &clock{t: t0}
			m.Now = clk.Now
			m.Set(tt.fault, 1)
			start := time.Now()
			resp, body, err := toot(t, m, "k1", "Hello")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && resp.StatusCode != tt.wantCode {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.wantCode)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Fatalf("took %v; faults must end at the client's deadline", d)
			}
			if got := len(m.Created()); got != tt.wantCreated || tt.fault.Commits() != (tt.wantCreated == 1) {
				t.Fatalf("created %d, want %d (Commits %v)", got, tt.wantCreated, tt.fault.Commits())
			}
			if tt.wantHeader != "" {
				reset, perr := time.Parse(time.RFC3339, resp.Header.Get(tt.wantHeader))
				if perr != nil || !reset.Equal(t0.Add(DefaultRateReset)) {
					t.Fatalf("%s = %q, want the fake clock + %v", tt.wantHeader, resp.Header.Get(tt.wantHeader), DefaultRateReset)
				}
			}
			if tt.noHeader != "" && resp.Header.Get(tt.noHeader) != "" {
				t.Fatalf("%s set", tt.noHeader)
			}
			if err == nil && json.Valid(body) == tt.badJSON {
				t.Fatalf("body %q: valid JSON %v", body, !tt.badJSON)
			}
			// The fault was for one request: the server has recovered.
			resp, body, err = toot(t, m, "k1", "Hello")
			if err != nil || resp.StatusCode != 200 || len(m.Created()) != 1 || m.Requests() != 2 {
				t.Fatalf("after the fault: %v %v %s; created %d of %d requests", err, resp, body, len(m.Created()), m.Requests())
			}
		})
	}
}

func TestMastodon_Idempotency(t *testing.T) {
	m := NewMastodon()
	t.Cleanup(m.Close)
	clk := &clock{t: t0}
	m.Now = clk.Now
	id := func(body []byte) string {
		var st struct{ ID string }
		if err := json.Unmarshal(body, &st); err != nil {
			t.Fatalf("status %s: %v", body, err)
		}
		return st.ID
	}
	_, b1, _ := toot(t, m, "k1", "Hello")
	_, b2, _ := toot(t, m, "k1", "Hello")
	if id(b1) != id(b2) || m.Count("Hello") != 1 {
		t.Fatalf("same key made %d statuses (%s, %s)", m.Count("Hello"), id(b1), id(b2))
	}
	if _, b3, _ := toot(t, m, "k2", "Hello"); id(b3) == id(b1) || m.Count("Hello") != 2 || m.CountKey("k1") != 1 || m.CountKey("k2") != 1 {
		t.Fatal("another key must make another status")
	}
	m.Bug40399 = true
	if resp, _, _ := toot(t, m, "k1", "Hello"); resp.StatusCode != 500 || m.Count("Hello") != 2 {
		t.Fatalf("bug 40399: repeated key answered %d, created %d", resp.StatusCode, m.Count("Hello"))
	}
	m.Bug40399 = false
	clk.Add(IdempotencyTTL + time.Second)
	if _, b4, _ := toot(t, m, "k1", "Hello"); id(b4) == id(b1) || m.Count("Hello") != 3 {
		t.Fatal("a key older than an hour is forgotten, as on the real server")
	}
}

func TestServer_HoldAndCount(t *testing.T) {
	m := NewMastodon()
	t.Cleanup(m.Close)
	m.Set(Status503, 2)
	for i, want := range []int{503, 503, 200} {
		if resp, _, err := toot(t, m, "k", "x"); err != nil || resp.StatusCode != want {
			t.Fatalf("request %d: %v %v, want %d", i, resp, err, want)
		}
	}
	m.Set(Hold, 0)
	done := make(chan int)
	go func() {
		ctx := context.Background()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, m.URL+"/api/v1/statuses", strings.NewReader("status=held"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Bearer tok")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	<-m.Arrived
	if m.Count("held") != 0 {
		t.Fatal("held request committed before release")
	}
	m.Release()
	if code := <-done; code != 200 || m.Count("held") != 1 {
		t.Fatalf("released: %d, created %d", code, m.Count("held"))
	}
}

func TestX_DuplicateContent(t *testing.T) {
	x := NewX()
	t.Cleanup(x.Close)
	post := func(text string) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, x.URL+"/2/tweets", strings.NewReader(`{"text":`+jsonString(text)+`}`))
		req.Header.Set("Authorization", `OAuth oauth_consumer_key="k", oauth_signature="s"`)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := post("Hello"); code != 201 || !strings.Contains(body, `"id":"18`) {
		t.Fatalf("first: %d %s", code, body)
	}
	if code, body := post("Hello"); code != 403 || !strings.Contains(body, DuplicateDetail) || x.Count("Hello") != 1 {
		t.Fatalf("repeat: %d %s, created %d", code, body, x.Count("Hello"))
	}
	if code, _ := post("Other"); code != 201 {
		t.Fatalf("other text: %d", code)
	}
}

func TestBluesky_RecordKey(t *testing.T) {
	b := NewBluesky()
	t.Cleanup(b.Close)
	call := func(nsid, bearer, body string) (int, string) {
		method := http.MethodPost
		if body == "" {
			method = http.MethodGet
		}
		req, _ := http.NewRequest(method, b.URL+"/xrpc/"+nsid, strings.NewReader(body))
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}
	_, sess := call("com.atproto.server.createSession", "", `{"identifier":"me","password":"pw"}`)
	var s struct{ AccessJwt string }
	json.Unmarshal([]byte(sess), &s)
	rec := `{"repo":"me","collection":"app.bsky.feed.post","rkey":"3jzfcijpj2z2a","record":{"text":"Hello"}}`
	if code, body := call("com.atproto.repo.createRecord", "", rec); code != 401 {
		t.Fatalf("without session: %d %s", code, body)
	}
	if code, body := call("com.atproto.repo.createRecord", s.AccessJwt, rec); code != 200 || !strings.Contains(body, "at://did:plc:") {
		t.Fatalf("create: %d %s", code, body)
	}
	if code, _ := call("com.atproto.repo.createRecord", s.AccessJwt, rec); code != 500 || b.Count("Hello") != 1 {
		t.Fatalf("taken rkey: %d, created %d", code, b.Count("Hello"))
	}
	if code, body := call("com.atproto.repo.getRecord?rkey=3jzfcijpj2z2a", s.AccessJwt, ""); code != 200 || !strings.Contains(body, "Hello") {
		t.Fatalf("getRecord: %d %s", code, body)
	}
}

func jsonString(s string) string { b, _ := json.Marshal(s); return string(b) }

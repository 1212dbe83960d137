package deliver

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// The crash tests re-run this test binary as a child that delivers one post
// and is killed with SIGKILL at a chosen step.
const (
	envStep = "HOOKLINE_CRASH_CHILD"
	envDB   = "HOOKLINE_CRASH_DB"
	envURL  = "HOOKLINE_CRASH_URL"
)

func TestMain(m *testing.M) {
	if step := os.Getenv(envStep); step != "" {
		crashChild(step, os.Getenv(envDB), os.Getenv(envURL))
		return
	}
	os.Exit(m.Run())
}

// crashChild delivers the crash post and stops, printing a line to its
// parent, at step: before_request, during_request (the server holds) or
// after_answer (between Publish's return and the store's commit).
func crashChild(step, db, url string) {
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	hang := func(line string) {
		fmt.Println(line)
		time.Sleep(time.Hour) // until the parent's SIGKILL
	}
	var pub publish.Publisher = &httpPub{base: url}
	d := &Deliverer{Store: st}
	switch step {
	case "before_request":
		pub = publisherFunc(func(context.Context, publish.Post) (publish.Receipt, error) {
			hang("claimed")
			return publish.Receipt{}, nil
		})
	case "after_answer":
		d.AfterPublish = func(context.Context, publish.Post, publish.Receipt, error) { hang("answered") }
	}
	r := d.Deliver(ctx, []Job{{Post: crashPost, Publisher: pub}})
	fmt.Printf("finished: %+v\n", r)
}

var crashPost = publish.Post{ArticleID: "https://e.com/crash", Account: "mastodon-main", Text: "A crash-proof hook"}

type publisherFunc func(context.Context, publish.Post) (publish.Receipt, error)

func (f publisherFunc) Publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	return f(ctx, p)
}

// fakeNetwork creates statuses like Mastodon: a repeated Idempotency-Key
// returns the status already made instead of a new one.
type fakeNetwork struct {
	mu       sync.Mutex
	byKey    map[string]string
	requests []string
	hold     bool          // hold the first request open after creating its status
	arrived  chan struct{} // signalled when the held request arrives
}

func (n *fakeNetwork) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body struct{ Status string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Status == "" {
		http.Error(w, "bad body", http.StatusUnprocessableEntity)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	n.mu.Lock()
	n.requests = append(n.requests, key)
	first := len(n.requests) == 1
	id, ok := n.byKey[key]
	if !ok || key == "" {
		id = fmt.Sprint(100 + len(n.byKey))
		n.byKey[key] = id
	}
	n.mu.Unlock()
	if n.hold && first {
		n.arrived <- struct{}{}
		<-r.Context().Done() // the client is killed while we hold
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"id": id, "url": "https://masto.example/@me/" + id})
}

// httpPub posts to the fake network the way the Mastodon client does.
type httpPub struct{ base string }

func (h *httpPub) Publish(ctx context.Context, p publish.Post) (publish.Receipt, error) {
	b, _ := json.Marshal(map[string]string{"status": p.Text})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.base+"/api/v1/statuses", bytes.NewReader(b))
	if err != nil {
		return publish.Receipt{}, err
	}
	req.Header.Set("Idempotency-Key", p.IdempotencyKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return publish.Receipt{}, fmt.Errorf("fake mastodon: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return publish.Receipt{}, fmt.Errorf("fake mastodon: status %d", resp.StatusCode)
	}
	var s struct{ ID, URL string }
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return publish.Receipt{}, fmt.Errorf("fake mastodon: decode: %w", err)
	}
	return publish.Receipt{ID: s.ID, URL: s.URL}, nil
}

func TestDeliver_CrashThenResume(t *testing.T) {
	tests := []struct {
		step         string
		wantRequests int // requests the network sees in all, child and resume
	}{
		{"before_request", 1},
		{"during_request", 2},
		{"after_answer", 2},
	}
	for _, tt := range tests {
		t.Run(tt.step, func(t *testing.T) {
			netw := &fakeNetwork{byKey: map[string]string{}, hold: tt.step == "during_request", arrived: make(chan struct{}, 1)}
			srv := httptest.NewServer(netw)
			t.Cleanup(srv.Close)
			db := filepath.Join(t.TempDir(), "hookline.db")

			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), envStep+"="+tt.step, envDB+"="+db, envURL+"="+srv.URL)
			cmd.Stderr = os.Stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			lines := make(chan string, 4)
			go func() {
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
			}()
			select {
			case line := <-lines:
				if tt.step == "during_request" || (line != "claimed" && line != "answered") {
					t.Fatalf("child said %q before the kill", line)
				}
			case <-netw.arrived:
			case <-time.After(60 * time.Second):
				t.Fatal("child never reached the step")
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()

			ctx := context.Background()
			st, err := store.Open(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if rec, err := st.Post(ctx, crashPost.ArticleID, crashPost.Account); err != nil || rec.State != store.Posting {
				t.Fatalf("after the kill: %+v, %v; want a posting row", rec.State, err)
			}
			d := &Deliverer{Store: st, Log: discardLogger()}
			res := d.Resume(ctx, map[string]publish.Publisher{crashPost.Account: &httpPub{base: srv.URL}})
			if len(res) != 1 || res[0].State != store.Posted || res[0].Err != nil {
				t.Fatalf("resume = %+v", res)
			}
			// A later delivery of the same post sends nothing.
			again := d.Deliver(ctx, []Job{{Post: crashPost, Publisher: &httpPub{base: srv.URL}}})
			if !again[0].Skipped {
				t.Fatalf("delivered again: %+v", again[0])
			}

			netw.mu.Lock()
			defer netw.mu.Unlock()
			key := Key(crashPost.ArticleID, crashPost.Account)
			if len(netw.byKey) != 1 || netw.byKey[key] == "" {
				t.Fatalf("network has statuses %v; want exactly one, keyed %s", netw.byKey, key)
			}
			if len(netw.requests) != tt.wantRequests {
				t.Fatalf("network saw %d requests %v, want %d", len(netw.requests), netw.requests, tt.wantRequests)
			}
			for _, k := range netw.requests {
				if k != key {
					t.Fatalf("request with key %q, want %q every time", k, key)
				}
			}
			rec, _ := st.Post(ctx, crashPost.ArticleID, crashPost.Account)
			if rec.State != store.Posted || rec.ReceiptID != netw.byKey[key] || rec.Attempts != 2 {
				t.Fatalf("row = %s receipt %q attempts %d; want posted, %q, 2", rec.State, rec.ReceiptID, rec.Attempts, netw.byKey[key])
			}
		})
	}
}

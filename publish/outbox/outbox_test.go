package outbox_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/outbox"
)

var fixed = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

func post(key string) publish.Post {
	return publish.Post{
		Account:        "outbox",
		ArticleID:      "art-1",
		Text:           "Kim Jong Un went to China by train.\n\nhttps://example.com/a\n#KimJongUn",
		Link:           "https://example.com/a",
		Hashtags:       []string{"#KimJongUn"},
		IdempotencyKey: key,
	}
}

func setup(t *testing.T) (*outbox.Outbox, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out", "..", "outbox.jsonl")
	o, err := outbox.New(path, nil, func() time.Time { return fixed })
	if err != nil {
		t.Fatal(err)
	}
	return o, o.Path()
}

func readLines(t *testing.T, path string) []outbox.Line {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []outbox.Line
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var l outbox.Line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		lines = append(lines, l)
	}
	return lines
}

func TestOutbox_Publish(t *testing.T) {
	o, path := setup(t)
	r, err := o.Publish(context.Background(), post("key-1"))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == "" || r.URL != "file://"+path+"#"+r.ID || !r.At.Equal(fixed) {
		t.Errorf("receipt = %+v, want id, file://%s#id, %v", r, path, fixed)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", fi.Mode().Perm())
	}
	lines := readLines(t, path)
	want := outbox.Line{ID: r.ID, Account: "outbox", ArticleID: "art-1", Text: post("").Text,
		Link: "https://example.com/a", Hashtags: []string{"#KimJongUn"}, IdempotencyKey: "key-1", Time: fixed}
	if len(lines) != 1 || fmt.Sprint(lines[0]) != fmt.Sprint(want) {
		t.Errorf("lines = %+v, want [%+v]", lines, want)
	}
}

func TestOutbox_PublishIdempotent(t *testing.T) {
	tests := []struct {
		name      string
		keys      []string
		wantLines int
		wantSame  bool // first and last receipts equal
	}{
		{name: "same key written once", keys: []string{"k1", "k1", "k1"}, wantLines: 1, wantSame: true},
		{name: "different keys", keys: []string{"k1", "k2"}, wantLines: 2},
		{name: "key after others", keys: []string{"k1", "k2", "k3", "k1"}, wantLines: 3, wantSame: true},
		{name: "key that is a prefix of another", keys: []string{"k10", "k1"}, wantLines: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, path := setup(t)
			var rs []publish.Receipt
			for _, k := range tt.keys {
				r, err := o.Publish(context.Background(), post(k))
				if err != nil {
					t.Fatal(err)
				}
				rs = append(rs, r)
			}
			if got := len(readLines(t, path)); got != tt.wantLines {
				t.Errorf("lines = %d, want %d", got, tt.wantLines)
			}
			if same := rs[0] == rs[len(rs)-1]; same != tt.wantSame {
				t.Errorf("first %+v, last %+v: same = %v, want %v", rs[0], rs[len(rs)-1], same, tt.wantSame)
			}
		})
	}
}

func TestOutbox_PublishAcrossInstances(t *testing.T) {
	// A crash between writing and recording: a new process resends the post.
	o1, path := setup(t)
	r1, err := o1.Publish(context.Background(), post("k1"))
	if err != nil {
		t.Fatal(err)
	}
	o2, err := outbox.New(path, nil, func() time.Time { return fixed.Add(time.Hour) })
	if err != nil {
		t.Fatal(err)
	}
	r2, err := o2.Publish(context.Background(), post("k1"))
	if err != nil {
		t.Fatal(err)
	}
	if r1 != r2 {
		t.Errorf("resent receipt = %+v, want the earlier %+v", r2, r1)
	}
	if n := len(readLines(t, path)); n != 1 {
		t.Errorf("lines = %d, want 1", n)
	}
}

func TestOutbox_PublishTornTail(t *testing.T) {
	o, path := setup(t)
	if err := os.WriteFile(path, []byte(`{"id":"x","idempotency_key":"k1","te`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Publish(context.Background(), post("k1")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 2 || !json.Valid([]byte(lines[1])) {
		t.Errorf("file = %q, want the torn line then one valid line", data)
	}
}

func TestOutbox_PublishConcurrent(t *testing.T) {
	o, path := setup(t)
	const n = 32
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			// Every key twice: concurrent duplicates must still be written once.
			_, err := o.Publish(context.Background(), post(fmt.Sprintf("k%d", i%(n/2))))
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := len(readLines(t, path)); got != n/2 {
		t.Errorf("lines = %d, want %d", got, n/2)
	}
}

func TestOutbox_PublishStdout(t *testing.T) {
	for _, path := range []string{"", "-"} {
		t.Run(fmt.Sprintf("path %q", path), func(t *testing.T) {
			var buf bytes.Buffer
			o, err := outbox.New(path, &buf, func() time.Time { return fixed })
			if err != nil {
				t.Fatal(err)
			}
			r, err := o.Publish(context.Background(), post("k1"))
			if err != nil {
				t.Fatal(err)
			}
			var l outbox.Line
			if err := json.Unmarshal(buf.Bytes(), &l); err != nil {
				t.Fatalf("stdout %q: %v", buf.String(), err)
			}
			if l.ID != r.ID || l.Text != post("").Text || r.URL != "" {
				t.Errorf("line %+v, receipt %+v", l, r)
			}
		})
	}
}

func TestOutbox_PublishErrors(t *testing.T) {
	t.Run("canceled context", func(t *testing.T) {
		o, path := setup(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := o.Publish(ctx, post("k1"))
		if err == nil || !strings.HasPrefix(err.Error(), "outbox: ") {
			t.Errorf("err = %v, want one naming the account", err)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("file written despite cancel: %v", err)
		}
	})
	t.Run("missing directory", func(t *testing.T) {
		o, err := outbox.New(filepath.Join(t.TempDir(), "no", "such", "out.jsonl"), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = o.Publish(context.Background(), post("k1"))
		if err == nil || !strings.Contains(err.Error(), "no such file") {
			t.Errorf("err = %v, want no such file", err)
		}
	})
}

func TestOutbox_DryRun(t *testing.T) {
	o, path := setup(t)
	method, target, body, err := o.DryRun(context.Background(), post("k1"))
	if err != nil {
		t.Fatal(err)
	}
	if method != "APPEND" || target != "file://"+path || !json.Valid(body) {
		t.Errorf("DryRun = %s %s %s", method, target, body)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("dry run wrote the file: %v", err)
	}
}

func BenchmarkOutbox_Publish(b *testing.B) {
	o, err := outbox.New(filepath.Join(b.TempDir(), "out.jsonl"), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := o.Publish(context.Background(), post(fmt.Sprintf("k%d", i%100))); err != nil {
			b.Fatal(err)
		}
	}
}

package bluesky

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/publish"
)

func TestTID(t *testing.T) {
	// Vectors from @atproto/common-web's TID.fromTime (the reference
	// implementation, installed by .ci/pds.sh).
	tests := []struct {
		micros  int64
		clockID uint16
		want    string
	}{
		{1700000000123456, 5, "3ke6kg42cm227"},
		{1732780800000000, 1023, "3lbylw2xk22zz"},
		{1<<53 - 1, 1023, "bzzzzzzzzzzzz"},
		{1672531200000000, 0, "3jl7442uk2222"},
		{0, 0, "2222222222222"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := TID(tt.micros, tt.clockID); got != tt.want {
				t.Errorf("TID(%d, %d) = %q, want %q", tt.micros, tt.clockID, got, tt.want)
			}
			if !validTID(tt.want) {
				t.Errorf("validTID(%q) = false", tt.want)
			}
		})
	}
	for _, bad := range []string{"", "3ke6kg42cm22", "3ke6kg42cm2271", "3KE6KG42CM227", "zke6kg42cm227", "3ke6kg42cm221"} {
		if validTID(bad) {
			t.Errorf("validTID(%q) = true", bad)
		}
	}
}

func TestRecordKey(t *testing.T) {
	a, b := RecordKey("hl-article1-account1"), RecordKey("hl-article1-account2")
	if a != RecordKey("hl-article1-account1") {
		t.Error("RecordKey is not deterministic")
	}
	if a == b {
		t.Errorf("two keys give the same record key %q", a)
	}
	for _, k := range []string{a, b, RecordKey(""), RecordKey(strings.Repeat("x", 1000))} {
		if !validTID(k) {
			t.Errorf("RecordKey gave %q, not a TID", k)
		}
		if at := tidTime(k); at.Before(time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)) || at.After(time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("RecordKey %q has timestamp %v, want 2023-01 to 2025-03", k, at)
		}
	}
}

// tidTime decodes a TID's timestamp.
func tidTime(tid string) time.Time {
	var v uint64
	for i := 0; i < len(tid); i++ {
		v = v<<5 | uint64(strings.IndexByte(tidAlphabet, tid[i]))
	}
	return time.UnixMicro(int64(v >> 10)).UTC()
}

func FuzzRecordKey(f *testing.F) {
	f.Add("hl-0123456789abcdef")
	f.Add("")
	f.Add("ü\x00\xff")
	f.Fuzz(func(t *testing.T, key string) {
		k := RecordKey(key)
		if !validTID(k) || k != RecordKey(key) {
			t.Errorf("RecordKey(%q) = %q", key, k)
		}
	})
}

func FuzzBuildRecord(f *testing.F) {
	f.Add("Café 🇰🇷 https://x.io/a #Go #東京", "https://x.io/a", "#Go #東京")
	f.Add("#a#a #a", "", "#a")
	f.Fuzz(func(t *testing.T, text, link, tags string) {
		p := publish.Post{Text: text, Link: link, Hashtags: strings.Fields(tags)}
		r := BuildRecord(p, time.Unix(0, 0), nil)
		for _, fc := range r.Facets {
			s, e := fc.Index.ByteStart, fc.Index.ByteEnd
			if s < 0 || e > len(text) || s >= e {
				t.Fatalf("facet %d-%d out of the %d-byte text", s, e, len(text))
			}
			span, ft := text[s:e], fc.Features[0]
			if ft.Type == FeatureLink && span != link || ft.Type == FeatureTag && span != "#"+ft.Tag {
				t.Fatalf("facet %d-%d covers %q, not %+v", s, e, span, ft)
			}
		}
	})
}

func BenchmarkBuildRecord(b *testing.B) {
	p := testPost()
	at := time.Unix(1_700_000_000, 0)
	b.ReportAllocs()
	for b.Loop() {
		_ = BuildRecord(p, at, nil)
		_ = RecordKey(p.IdempotencyKey)
	}
}

func ExampleRecordKey() {
	// The same post (article × account) always gets the same record key,
	// so a second create of it is refused instead of posted twice.
	key := "hl-6b1c0e2f9a7d4c3b8e5f1a2b3c4d5e6f" // deliver.Key(article, account)
	first, again := RecordKey(key), RecordKey(key)
	fmt.Println(first, again)
	// Output:
	// 3jopbw7zww4cr 3jopbw7zww4cr
}

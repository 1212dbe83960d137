package fit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

// specDir holds the twitter-text conformance files, in the shared folder
// next to the repository.
var specDir = filepath.Join("..", "..", "..", "shared", "specs", "twitter-text")

type weightedCase struct {
	Description string `yaml:"description"`
	Text        string `yaml:"text"`
	Expected    struct {
		WeightedLength    int  `yaml:"weightedLength"`
		Valid             bool `yaml:"valid"`
		Permillage        int  `yaml:"permillage"`
		DisplayRangeStart int  `yaml:"displayRangeStart"`
		DisplayRangeEnd   int  `yaml:"displayRangeEnd"`
		ValidRangeStart   int  `yaml:"validRangeStart"`
		ValidRangeEnd     int  `yaml:"validRangeEnd"`
	} `yaml:"expected"`
}

func loadValidate(t *testing.T) map[string][]weightedCase {
	t.Helper()
	path := filepath.Join(specDir, "validate.yml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read conformance file: %v", err)
	}
	var doc struct {
		Tests map[string]yaml.Node `yaml:"tests"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string][]weightedCase{}
	for _, key := range []string{"WeightedTweetsCounterTest", "WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest"} {
		node, ok := doc.Tests[key]
		if !ok {
			t.Fatalf("%s: tests.%s missing", path, key)
		}
		var cases []weightedCase
		if err := node.Decode(&cases); err != nil {
			t.Fatalf("%s: tests.%s: %v", path, key, err)
		}
		if len(cases) == 0 {
			t.Fatalf("%s: tests.%s has no cases", path, key)
		}
		out[key] = cases
	}
	return out
}

// TestParseTweet_Conformance runs every twitter-text weighted-length case
// of config v3 (discounted emoji) and the directional-marker cases.
func TestParseTweet_Conformance(t *testing.T) {
	suites := loadValidate(t)
	for _, key := range []string{"WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest"} {
		for _, tc := range suites[key] {
			t.Run(key+"/"+tc.Description, func(t *testing.T) {
				got := parseTweet(tc.Text, true)
				want := tc.Expected
				if got.WeightedLength != want.WeightedLength {
					t.Errorf("weightedLength = %d, want %d", got.WeightedLength, want.WeightedLength)
				}
				if got.Valid != want.Valid {
					t.Errorf("valid = %v, want %v", got.Valid, want.Valid)
				}
				if got.Permillage != want.Permillage {
					t.Errorf("permillage = %d, want %d", got.Permillage, want.Permillage)
				}
				if want.DisplayRangeStart != 0 || want.ValidRangeStart != 0 {
					t.Errorf("ranges must start at 0, spec says %d/%d", want.DisplayRangeStart, want.ValidRangeStart)
				}
				if got.DisplayRangeEnd != want.DisplayRangeEnd {
					t.Errorf("displayRangeEnd = %d, want %d", got.DisplayRangeEnd, want.DisplayRangeEnd)
				}
				if got.ValidRangeEnd != want.ValidRangeEnd {
					t.Errorf("validRangeEnd = %d, want %d", got.ValidRangeEnd, want.ValidRangeEnd)
				}
				if c := X().Count(tc.Text); c != want.WeightedLength {
					t.Errorf("X().Count = %d, want %d", c, want.WeightedLength)
				}
			})
		}
	}
}

// TestParseTweet_ConformanceV2 runs the config v2 cases, which count
// emoji per code point (emojiParsingEnabled false).
func TestParseTweet_ConformanceV2(t *testing.T) {
	for _, tc := range loadValidate(t)["WeightedTweetsCounterTest"] {
		t.Run(tc.Description, func(t *testing.T) {
			got := parseTweet(tc.Text, false)
			if got.WeightedLength != tc.Expected.WeightedLength || got.Valid != tc.Expected.Valid ||
				got.Permillage != tc.Expected.Permillage || got.ValidRangeEnd != tc.Expected.ValidRangeEnd ||
				got.DisplayRangeEnd != tc.Expected.DisplayRangeEnd {
				t.Errorf("got %+v, want %+v", got, tc.Expected)
			}
		})
	}
}

// TestXConfig checks the built-in weights against config-v3.json.
func TestXConfig(t *testing.T) {
	path := filepath.Join(specDir, "config-v3.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read config: %v", err)
	}
	var cfg struct {
		Version                int  `json:"version"`
		MaxWeightedTweetLength int  `json:"maxWeightedTweetLength"`
		Scale                  int  `json:"scale"`
		DefaultWeight          int  `json:"defaultWeight"`
		EmojiParsingEnabled    bool `json:"emojiParsingEnabled"`
		TransformedURLLength   int  `json:"transformedURLLength"`
		Ranges                 []struct {
			Start, End, Weight int
		} `json:"ranges"`
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if cfg.Version != 3 || cfg.MaxWeightedTweetLength != xMaxWeighted || cfg.Scale != xScale ||
		cfg.DefaultWeight != xDefaultWeight || !cfg.EmojiParsingEnabled || cfg.TransformedURLLength != XURLLength {
		t.Errorf("config %+v does not match the built-in constants", cfg)
	}
	if len(cfg.Ranges) != len(xRanges) {
		t.Fatalf("config has %d ranges, built in %d", len(cfg.Ranges), len(xRanges))
	}
	for i, rg := range cfg.Ranges {
		b := xRanges[i]
		if int(b.start) != rg.Start || int(b.end) != rg.End || b.weight != rg.Weight {
			t.Errorf("range %d: config %+v, built in %+v", i, rg, b)
		}
	}
}

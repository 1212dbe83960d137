package keyphrase

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHashtag(t *testing.T) {
	tests := []struct {
		name   string
		phrase string
		want   string
		ok     bool
	}{
		{"camel case", "kim jong un", "#KimJongUn", true},
		{"keeps acronym", "US sanctions", "#USSanctions", true},
		{"acronym alone", "NATO", "#NATO", true},
		{"acronym with dots", "U.S. economy", "#USEconomy", true},
		{"hyphen splits", "e-commerce", "#ECommerce", true},
		{"possessive dropped", "Xi's visit", "#XiVisit", true},
		{"curly possessive dropped", "China’s parade", "#ChinaParade", true},
		{"inner apostrophe dropped", "don't panic", "#DontPanic", true},
		{"bare trailing apostrophe", "Adams' plan", "#AdamsPlan", true},
		{"keeps inner capitals", "McDonald deal", "#McDonaldDeal", true},
		{"letters and digits", "G7 summit", "#G7Summit", true},
		{"digit first", "2024 election", "#2024Election", true},
		{"accented", "café société", "#CaféSociété", true},
		{"cjk", "北朝鮮", "#北朝鮮", true},
		{"cyrillic", "владимир путин", "#ВладимирПутин", true},
		{"stop word inside", "Prince of Wales", "#PrinceOfWales", true},
		{"punctuation dropped", "rock & roll!", "#RockRoll", true},
		{"all digits", "2024", "", false},
		{"digits and punctuation", "1,000", "", false},
		{"lone stop word", "the", "", false},
		{"only stop words", "of the", "", false},
		{"empty", "", "", false},
		{"only punctuation", "--- !!", "", false},
		{"too long", "international monetary fund restructuring programme", "", false},
		{"invalid utf-8", "ab\xffcd", "#AbCd", true},
		{"leading mark dropped", "\u0301abc", "#Abc", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Hashtag(tt.phrase)
			if got != tt.want || ok != tt.ok {
				t.Fatalf("Hashtag(%q) = %q, %v; want %q, %v", tt.phrase, got, ok, tt.want, tt.ok)
			}
			if ok {
				checkTag(t, got)
			}
		})
	}
}

func TestHashtags(t *testing.T) {
	tests := []struct {
		name    string
		phrases []string
		max     int
		want    []string
	}{
		{"default max is 3", []string{"Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Beijing"}, 0,
			[]string{"#KimJongUn", "#XiJinping", "#VladimirPutin"}},
		{"max 1", []string{"Kim Jong Un", "Xi Jinping"}, 1, []string{"#KimJongUn"}},
		{"longer phrase containing a taken one", []string{"North Korea", "North Korea diplomacy", "North Korean", "Korea", "China"}, 3,
			[]string{"#NorthKorea", "#China"}},
		{"shorter phrase inside a taken one", []string{"North Korean leader", "Korea", "leader", "Pyongyang"}, 3,
			[]string{"#NorthKoreanLeader", "#Pyongyang"}},
		{"case and plural variants", []string{"Talks", "talk", "TALKS", "policy", "policies"}, 3,
			[]string{"#Talks", "#Policy"}},
		{"invalid phrases skipped", []string{"the", "2024", "", "Olympics"}, 3, []string{"#Olympics"}},
		{"acronym kept apart from a word it prefixes", []string{"US", "USB drives"}, 3, []string{"#US", "#USBDrives"}},
		{"unrelated words sharing letters", []string{"art", "startup", "artist"}, 3, []string{"#Art", "#Startup", "#Artist"}},
		{"inflection", []string{"talk", "talking", "Korea", "Koreans"}, 3, []string{"#Talk", "#Korea"}},
		{"nil", nil, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Hashtags(tt.phrases, tt.max)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Hashtags(%q, %d) = %q, want %q", tt.phrases, tt.max, got, tt.want)
			}
			for _, tag := range got {
				checkTag(t, tag)
			}
		})
	}
}

// TestHashtags_KPCrowd makes tags from every KPCrowd article's keyphrases and
// checks each against X's and Mastodon's rules.
func TestHashtags_KPCrowd(t *testing.T) {
	names := evalFiles(t)
	if testing.Short() {
		names = names[:40]
	}
	count := 0
	for _, name := range names {
		var phrases []string
		for _, p := range Extract(loadText(t, name), 10) {
			phrases = append(phrases, p.Text)
		}
		tags := Hashtags(phrases, 3)
		if len(tags) == 0 {
			t.Errorf("%s: no hashtag from %q", name, phrases)
		}
		for _, tag := range tags {
			checkTag(t, tag)
			count++
		}
	}
	t.Logf("%d hashtags from %d articles", count, len(names))
}

func FuzzHashtag(f *testing.F) {
	for _, s := range []string{"kim jong un", "U.S.", "Xi's", "e-commerce", "2024", "the", "#tag", "a\u0301b", "＃北朝鮮", "\ufe0fx", "x\u20e3", "ab\xffcd", "il·lusió"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, phrase string) {
		tag, ok := Hashtag(phrase)
		if !ok {
			if tag != "" {
				t.Fatalf("Hashtag(%q) rejected but returned %q", phrase, tag)
			}
			return
		}
		if !utf8.ValidString(tag) {
			t.Fatalf("Hashtag(%q) = %q: invalid UTF-8", phrase, tag)
		}
		if n := utf8.RuneCountInString(tag) - 1; n > MaxHashtagRunes {
			t.Fatalf("Hashtag(%q) = %q: %d characters", phrase, tag, n)
		}
		if isStop(strings.ToLower(strings.TrimPrefix(tag, "#"))) && !isAllUpper(tag) {
			t.Fatalf("Hashtag(%q) = %q: a lone stop word", phrase, tag)
		}
		checkTag(t, tag)
		if tags := Hashtags([]string{phrase, phrase}, 3); len(tags) != 1 || tags[0] != tag {
			t.Fatalf("Hashtags of %q twice = %q, want [%q]", phrase, tags, tag)
		}
	})
}

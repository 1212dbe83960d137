package fit

import (
	"strings"
	"testing"
)

// typical is a four-sentence teaser as the teaser package writes them.
var typical = Input{
	Sentences: []Sentence{
		{Text: "Guess who’s making a rare diplomatic appearance?", Role: Hook},
		{Text: "Kim Jong Un is heading to China for a WWII anniversary event, with a potential meet-up with Xi and Putin on the cards!", Role: Fact},
		{Text: "This isn’t just a photo op; it’s a massive power play that could redraw the map of East Asian alliances.", Role: Stakes},
		{Text: "What does this mean for global politics?", Role: Question},
	},
	Link:     "https://news.example.com/world/asia/kim-jong-un-china-trip?utm_source=hookline&utm_medium=social",
	Hashtags: []string{"#KimJongUn", "#China", "#Geopolitics"},
}

func BenchmarkFit(b *testing.B) {
	for _, r := range []Rules{X(), Mastodon(0, 0), Bluesky()} {
		b.Run(r.Network, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Fit(r, typical); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("all-three", func(b *testing.B) {
		b.ReportAllocs()
		rules := []Rules{X(), Mastodon(0, 0), Bluesky()}
		for b.Loop() {
			for _, r := range rules {
				if _, err := Fit(r, typical); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

func BenchmarkCount(b *testing.B) {
	post, err := Fit(Mastodon(0, 0), typical)
	if err != nil {
		b.Fatal(err)
	}
	texts := map[string]string{
		"teaser":       post.Text,
		"pathological": strings.Repeat("a.", 3000),
	}
	for name, text := range texts {
		for _, r := range []Rules{X(), Mastodon(0, 0), Bluesky()} {
			b.Run(name+"/"+r.Network, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					r.Count(text)
				}
			})
		}
	}
}

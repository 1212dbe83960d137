package fit_test

import (
	"fmt"

	"github.com/hookline/hookline/teaser/fit"
)

func ExampleFit() {
	in := fit.Input{
		Sentences: []fit.Sentence{
			{Text: "Guess who is travelling?", Role: fit.Hook},
			{Text: "Kim Jong Un heads to Beijing for a military parade.", Role: fit.Fact},
			{Text: "It could redraw East Asian alliances.", Role: fit.Stakes},
			{Text: "What does it mean for the region?", Role: fit.Question},
		},
		Link:     fit.AddUTM("https://news.example.com/kim-china", "hookline", "social", ""),
		Hashtags: []string{"#KimJongUn", "#China", "#Geopolitics"},
	}
	post, err := fit.Fit(fit.Mastodon(160, 23), in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(post.Text)
	fmt.Println(post.Length, "of", post.Limit, post.Hashtags)
	// Output:
	// Guess who is travelling? Kim Jong Un heads to Beijing for a military parade.
	//
	// https://news.example.com/kim-china?utm_source=hookline&utm_medium=social
	// #KimJongUn #China #Geopolitics
	// 132 of 160 [#KimJongUn #China #Geopolitics]
}

func ExampleRules_Count() {
	text := "Kim heads to Beijing 🇨🇳 https://news.example.com/a/very/long/path/to/the/story"
	fmt.Println("x:", fit.X().Count(text))
	fmt.Println("mastodon:", fit.Mastodon(0, 0).Count(text))
	fmt.Println("bluesky:", fit.Bluesky().Count(text))
	// Output:
	// x: 47
	// mastodon: 46
	// bluesky: 77
}

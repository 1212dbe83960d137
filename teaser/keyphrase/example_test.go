package keyphrase_test

import (
	"fmt"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser/keyphrase"
)

func ExampleExtract() {
	a := &article.Article{
		Title: "Volcano erupts near Catania",
		Paragraphs: []string{
			"Mount Etna erupted on Sunday, sending ash over Catania and closing its airport.",
			"The volcano has erupted several times this year. Mount Etna is Europe's most active volcano.",
		},
		Keywords: []string{"Sicily"},
	}
	for _, p := range keyphrase.Extract(a, 5) {
		fmt.Println(p.Text)
	}
	// Output:
	// Sicily
	// volcano
	// Mount Etna
	// Catania
	// erupts
}

func ExampleHashtags() {
	phrases := []string{"Kim Jong Un", "North Korea", "North Korean", "the", "2024", "Xi's visit", "NATO"}
	fmt.Println(keyphrase.Hashtags(phrases, 3))
	// Output: [#KimJongUn #NorthKorea #XiVisit]
}

func ExampleHashtag() {
	for _, p := range []string{"kim jong un", "U.S. economy", "e-commerce", "1,000"} {
		tag, ok := keyphrase.Hashtag(p)
		fmt.Println(tag, ok)
	}
	// Output:
	// #KimJongUn true
	// #USEconomy true
	// #ECommerce true
	//  false
}

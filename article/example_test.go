package article_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/hookline/hookline/article"
)

func ExampleParse() {
	text := "Night train returns to the coast\n\n" +
		"Will travellers swap planes for sleepers? The operator thinks so. Tickets go on sale next month. Who will book first?\n" +
		"A night train between the capital and the coast will run again from December.\n" +
		"The operator bought twelve sleeper carriages.\n"
	a, err := article.Parse("train.txt", []byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("title:", a.Title)
	fmt.Println("hook:", a.Hook)
	fmt.Println("paragraphs:", len(a.Paragraphs))
	fmt.Println(a.Paragraphs[0])

	_, err = article.Parse("notes.txt", []byte("caf\xe9 au lait\n"))
	fmt.Println(err)
	// Output:
	// title: Night train returns to the coast
	// hook: Will travellers swap planes for sleepers? The operator thinks so. Tickets go on sale next month. Who will book first?
	// paragraphs: 2
	// A night train between the capital and the coast will run again from December.
	// notes.txt: not UTF-8 text (invalid byte at offset 3); save it as UTF-8
}

func ExampleLoad() {
	md := "---\ntitle: Library opens at night\ntags: [libraries, students]\nurl: https://news.example.com/library\n---\n" +
		"The central library will stay open **until midnight** during [exam season](https://example.com/exams).\n"
	a, err := article.Load(context.Background(), "-", article.LoadOptions{Stdin: strings.NewReader(md)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Keywords)
	fmt.Println(a.ID)
	fmt.Println(a.Paragraphs[0])

	_, err = article.Load(context.Background(), "missing.txt", article.LoadOptions{})
	fmt.Println(err)
	// Output:
	// Library opens at night
	// [libraries students]
	// https://news.example.com/library
	// The central library will stay open until midnight during exam season.
	// missing.txt: no such file
}

func ExampleSentences() {
	for _, s := range article.Sentences(`Mr. Lee arrived at 9 a.m. on Monday. "Is it open?" she asked. Yes!`) {
		fmt.Println(s)
	}
	// Output:
	// Mr. Lee arrived at 9 a.m. on Monday.
	// "Is it open?" she asked.
	// Yes!
}

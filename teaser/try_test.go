package teaser

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
)

func TestTry(t *testing.T) {
	data, _ := os.ReadFile("../../shared/articles/kim-jong-un-china-trip.txt")
	lines := strings.SplitN(string(data), "\n", 2)
	for _, in := range []string{string(data), lines[1]} {
		a, err := article.Parse("kim.txt", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("title=%q hook=%v\n", a.Title, a.Hook != "")
		for v := 1; v <= Variants; v++ {
			r, err := Compose(a, Options{Variant: v})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Printf("v%d (%d chars): %s\n", v, len(r.Teaser.String()), r.Teaser)
		}
		r, _ := Compose(a, Options{})
		fmt.Println(r.Keyphrases, r.Hashtags)
	}
}

package teaser_test

import (
	"fmt"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser"
	"github.com/hookline/hookline/teaser/fit"
)

const story = `Harbour Town win the county cup after penalty shoot-out

Harbour Town lifted the county cup for the first time in their 112-year history on Saturday, beating Northfield Rovers 5-4 on penalties after a 1-1 draw.

Goalkeeper Sam Okafor saved two spot-kicks in the shoot-out, including the decisive effort from Rovers captain Lee Grant.

The win earns Harbour Town a place in next season's regional trophy and a £10,000 prize, which manager Carla Ruiz said would go towards new floodlights.
`

func ExampleCompose() {
	a, err := article.Parse("cup-final.txt", []byte(story))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := teaser.Compose(a, teaser.Options{Variant: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range res.Teaser.Sentences {
		fmt.Printf("%s: %s\n", s.Role, s.Text)
	}
	// Output:
	// fact: Harbour Town lifted the county cup for the first time in their 112-year history on Saturday, beating Northfield Rovers 5-4 on penalties after a 1-1 draw.
}

func ExampleResult_Post() {
	a, err := article.Parse("cup-final.txt", []byte(story))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := teaser.Compose(a, teaser.Options{Variant: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	post, err := res.Post(fit.X(), "https://example.org/sport/cup-final", 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d/%d\n%s\n", post.Length, post.Limit, post.Text)
	// Output:
	// 209/280
	// Harbour Town lifted the county cup for the first time in their 112-year history on Saturday, beating Northfield Rovers 5-4 on penalties after a 1-1 draw.
	//
	// https://example.org/sport/cup-final
	// #HarbourTown #NorthfieldRovers
}

package deliver_test

import (
	"fmt"

	"github.com/hookline/hookline/deliver"
)

// The key depends only on the article and the account, so a post resent
// after a crash carries the key the network saw the first time.
func ExampleKey() {
	fmt.Println(deliver.Key("https://example.com/story", "mastodon-main"))
	fmt.Println(deliver.Key("https://example.com/story", "mastodon-main") == deliver.Key("https://example.com/story", "x-main"))
	// Output:
	// hl-71c96772b132acdf14b10629000dea7f
	// false
}

package x_test

import (
	"context"
	"fmt"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/x"
)

// DryRun shows the request a post makes, without the credentials (which
// travel in the Authorization header).
func ExampleClient_DryRun() {
	c, err := x.New(x.Config{
		Name:        "x-main",
		ConsumerKey: "key", ConsumerSecret: "secret", AccessToken: "token", AccessSecret: "token-secret",
	}, x.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	method, url, body, _ := c.DryRun(context.Background(), publish.Post{
		Account: "x-main", ArticleID: "a1",
		Text: "Why did the train stop at the border? https://example.com/story #KimJongUn",
	})
	fmt.Println(method, url)
	fmt.Println(string(body))
	// Output:
	// POST https://api.x.com/2/tweets
	// {"text":"Why did the train stop at the border? https://example.com/story #KimJongUn"}
}

// A reached cap is a *CapError that wraps publish.ErrQuota.
func ExampleCapError() {
	var err error = &x.CapError{Account: "x-main", Period: "daily", Cap: 17, Reset: fixedNow.Truncate(24*60*60*1e9).AddDate(0, 0, 1)}
	fmt.Println(err)
	fmt.Println(publish.Retryable(err))
	// Output:
	// x-main: daily cap of 17 posts reached (resets 2026-11-29 00:00 UTC); raise daily_cap if your plan allows
	// false
}

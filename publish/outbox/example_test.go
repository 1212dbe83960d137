package outbox_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/outbox"
)

func ExampleOutbox_Publish() {
	at := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	o, err := outbox.New("-", os.Stdout, func() time.Time { return at })
	if err != nil {
		panic(err)
	}
	r, err := o.Publish(context.Background(), publish.Post{
		Account: "outbox", ArticleID: "a1", Text: "Why did Kim take the train?", IdempotencyKey: "hl-1",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.ID)
	// Output:
	// {"id":"d201034fc0ffcd2a","account":"outbox","article_id":"a1","text":"Why did Kim take the train?","idempotency_key":"hl-1","time":"2026-03-01T09:30:00Z"}
	// d201034fc0ffcd2a
}

package deliver

import (
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// The store keeps posts and receipts in types of its own, which know
// nothing of publishers; these convert at the one place the two meet.

// StoredPost returns p as the store keeps it, as the share-th post of its
// article to its account (0 for the first). Attempt is not kept: the store
// counts attempts itself.
func StoredPost(p publish.Post, share int) store.Post {
	return store.Post{
		Account: p.Account, ArticleID: p.ArticleID, Text: p.Text, Link: p.Link, Hashtags: p.Hashtags, Lang: p.Lang,
		Title: p.Title, Description: p.Description, Image: p.Image, IdempotencyKey: p.IdempotencyKey, Share: share,
	}
}

// PublishPost returns the stored post p as a publisher takes it, for
// attempt number attempt (0 when it is only checked or shown, as an edit
// is by networks.Edit).
func PublishPost(p store.Post, attempt int) publish.Post {
	return publish.Post{
		Account: p.Account, ArticleID: p.ArticleID, Text: p.Text, Link: p.Link, Hashtags: p.Hashtags, Lang: p.Lang,
		Title: p.Title, Description: p.Description, Image: p.Image, IdempotencyKey: p.IdempotencyKey, Attempt: attempt,
	}
}

func storedReceipt(r publish.Receipt) store.Receipt {
	return store.Receipt{ID: r.ID, URL: r.URL, At: r.At}
}

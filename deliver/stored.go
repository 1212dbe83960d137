package deliver

import (
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/store"
)

// The store keeps posts and receipts in types of its own, which know
// nothing of publishers; these convert at the one place the two meet.

// storedPost returns p as the store keeps it. Attempt is not kept: the
// store counts attempts itself.
func storedPost(p publish.Post) store.Post {
	return store.Post{
		Account: p.Account, ArticleID: p.ArticleID, Text: p.Text, Link: p.Link, Hashtags: p.Hashtags, Lang: p.Lang,
		Title: p.Title, Description: p.Description, Image: p.Image, IdempotencyKey: p.IdempotencyKey,
	}
}

// publishPost returns the stored post p as a publisher takes it, for
// attempt number attempt.
func publishPost(p store.Post, attempt int) publish.Post {
	return publish.Post{
		Account: p.Account, ArticleID: p.ArticleID, Text: p.Text, Link: p.Link, Hashtags: p.Hashtags, Lang: p.Lang,
		Title: p.Title, Description: p.Description, Image: p.Image, IdempotencyKey: p.IdempotencyKey, Attempt: attempt,
	}
}

func storedReceipt(r publish.Receipt) store.Receipt {
	return store.Receipt{ID: r.ID, URL: r.URL, At: r.At}
}

// StoredPost returns p as the store keeps it, as the share-th post of its
// article to its account: for store.Propose, which stores a post without
// sending it.
func StoredPost(p publish.Post, share int) store.Post {
	sp := storedPost(p)
	sp.Share = share
	return sp
}

// PublishPost returns the stored post p as a publisher takes it, for
// checking an edit (networks.Edit) or showing it.
func PublishPost(p store.Post) publish.Post { return publishPost(p, 0) }

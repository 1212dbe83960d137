package review

import (
	"context"
	"fmt"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
)

// Edited is the outcome of Edit: the store's change and the post as
// checked, with its length against its limit.
type Edited struct {
	Change store.Change
	Draft  networks.Draft
}

// Edit replaces the text of post id with text, written by a person, once
// networks.Edit has checked it for the post's account (the limit as the
// network counts it, valid hashtags, the link kept only where the text
// holds it); text that does not fit is refused and nothing changes. The
// store keeps the edit, so it survives restarts and is what goes out.
func Edit(ctx context.Context, cfg *config.Config, st *store.Store, id int64, text string) (Edited, error) {
	rec, err := st.PostByID(ctx, id)
	if err != nil {
		return Edited{}, err
	}
	acct, ok := cfg.Account(rec.Account)
	if !ok {
		return Edited{}, fmt.Errorf("post %s: no account %s in the config; add it back to edit the post", store.FormatID(id), rec.Account)
	}
	rules, err := networks.CachedRules(ctx, acct, st)
	if err != nil {
		return Edited{}, fmt.Errorf("post %s: %w", store.FormatID(id), err)
	}
	draft, err := networks.Edit(acct, rules, deliver.PublishPost(rec.Post, 0), text)
	if err != nil {
		return Edited{}, fmt.Errorf("post %s: not changed: %w", store.FormatID(id), err)
	}
	ch, err := st.Edit(ctx, id, deliver.StoredPost(draft.Post, rec.Share))
	if err != nil {
		return Edited{}, err
	}
	return Edited{Change: ch, Draft: draft}, nil
}

package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
)

// AdoptIdentities tells st who each of accts posts as, so that an account
// renamed in the config takes its history along instead of posting it all
// again (store.AdoptIdentities), and logs each rename. Who an account
// posts as is its config identity (networks.Identity) and, for each
// publisher in pubs that can tell (publish.SelfIdentifier) and has not
// told under the account's present credentials, the network's answer,
// asked once, bounded by the account's timeout: a failure is logged as a
// warning and posting goes on, without a rename that only the answer
// would show (new credentials in the same edit, X signed in with
// `hookline auth x`).
//
// The daemon runs it at start and at each reload with the publishers it
// opened, before anything is posted under the config; the commands that
// write the state file run it when they open it, with opts.NotUnderDaemon,
// and those that post run it again with their publishers before they
// claim anything. Two entries the network says are one account are an
// error naming both.
func AdoptIdentities(ctx context.Context, st *store.Store, accts []config.Account, pubs map[string]publish.Publisher, log *slog.Logger, opts store.AdoptOptions) error {
	ids := make(map[string]store.AccountID, len(accts))
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		answers = map[string]string{}
	)
	for _, a := range accts {
		id := store.AccountID{Config: networks.Identity(a)}
		ids[a.Name] = id
		asker, ok := pubs[a.Name].(publish.SelfIdentifier)
		if !ok {
			continue
		}
		if _, learned, err := st.LearnedSelf(ctx, a.Name, id.Config); err != nil || learned {
			if err != nil {
				log.Warn("account not asked who it posts as", slog.String("account", a.Name), slog.Any("error", err))
			}
			continue
		}
		wg.Go(func() {
			self, err := asker.SelfID(ctx)
			if err != nil {
				log.Warn("account not asked who it posts as: a rename made with new credentials is not recognised until it answers",
					slog.String("account", a.Name), slog.Any("error", err))
				return
			}
			mu.Lock()
			defer mu.Unlock()
			answers[a.Name] = self
		})
	}
	wg.Wait()
	for name, self := range answers {
		id := ids[name]
		id.Self = self
		ids[name] = id
	}
	adopted, err := st.AdoptIdentities(ctx, ids, opts)
	var same *store.SameAccountError
	if errors.As(err, &same) {
		return sameAccount(accts, same)
	}
	if err != nil {
		return err
	}
	for _, a := range adopted {
		log.Info("account renamed: history adopted", slog.String("from", a.From), slog.String("to", a.To), slog.Int("posts", a.Posts))
		if a.Left > 0 {
			log.Warn("account renamed: posts left under the old name, since the new name has posts of the same articles",
				slog.String("from", a.From), slog.String("to", a.To), slog.Int("posts", a.Left))
		}
	}
	return nil
}

// sameAccount words e with the entries' places in the config, as config
// loading words two entries with one config identity.
func sameAccount(accts []config.Account, e *store.SameAccountError) error {
	i := slices.IndexFunc(accts, func(a config.Account) bool { return a.Name == e.First })
	j := slices.IndexFunc(accts, func(a config.Account) bool { return a.Name == e.Second })
	if i > j {
		i, j = j, i
	}
	if i < 0 {
		return e
	}
	return fmt.Errorf("networks[%d]: %s posts as the same %s account as networks[%d] (%s), %s as the network says, so both would post everything to it; keep one entry",
		j, accts[j].Name, accts[j].Kind, i, accts[i].Name, e.Self)
}

package schedule

import (
	"context"
	"log/slog"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
)

// AdoptIdentities tells st who each of accts posts as (networks.Identity),
// so that an account renamed in the config takes its history along
// instead of posting it all again (store.AdoptIdentities), and logs each
// rename. The daemon runs it at start and at each reload, before anything
// is posted under the config; the commands that write the state file run
// it when they open it, with opts.NotUnderDaemon.
func AdoptIdentities(ctx context.Context, st *store.Store, accts []config.Account, log *slog.Logger, opts store.AdoptOptions) error {
	ids := make(map[string]string, len(accts))
	for _, a := range accts {
		ids[a.Name] = networks.Identity(a)
	}
	adopted, err := st.AdoptIdentities(ctx, ids, opts)
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

package main

import (
	"context"
	"io"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/schedule"
	"github.com/hookline/hookline/store"
)

// openStateWrite opens cfg's state file for a command that writes it
// (post, approve and the other review commands, auth, sources mark-seen
// and backfill) and, before the command changes anything, has it adopt
// the history of accounts renamed in cfg (schedule.AdoptIdentities, which
// the daemon runs at start and at each reload). Renames are logged to
// stderr at cfg's log level and format. A rename the daemon running on the
// file has not taken yet is refused: until it reloads, it posts under the
// old name.
func openStateWrite(ctx context.Context, cfg *config.Config, opts store.Options, stderr io.Writer) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.State, opts)
	if err != nil {
		return nil, err
	}
	if err := schedule.AdoptIdentities(ctx, st, cfg.Networks, nil, newLogger(cfg.Log, stderr), store.AdoptOptions{NotUnderDaemon: true}); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

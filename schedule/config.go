package schedule

import "github.com/hookline/hookline/config"

// Config returns the config the daemon runs now (the last one reloaded),
// or nil before Run has built its first plan.
func (d *Daemon) Config() *config.Config {
	if p := d.current(); p != nil {
		return p.cfg
	}
	return nil
}

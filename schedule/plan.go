package schedule

import (
	"context"
	"log/slog"
	"reflect"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish"
	"github.com/hookline/hookline/source"
	"github.com/hookline/hookline/store"
)

// plan is one config, compiled: what the daemon runs until the next
// reload. Fires keep the plan they started with, so a reload never
// changes or drops a post in flight.
type plan struct {
	cfg     *config.Config
	jobs    []*Job
	pubs    map[string]publish.Publisher
	openErr map[string]error
	sources []*poller
}

// poller is one source and the goroutine that polls it.
type poller struct {
	cfg    config.Source
	src    source.Source
	cancel context.CancelFunc
	done   chan struct{}
	// polled is closed after the first poll, so a catch-up fire at start
	// sees the articles that came in while the daemon was down.
	polled chan struct{}
}

// build compiles cfg. Accounts whose publisher cannot be opened are kept
// with their error, reported at each fire, so that one bad account does not
// stop the others. Sources whose config did not change since old keep
// their poller (and what it knows). The state file adopts the history of
// accounts renamed in cfg (AdoptIdentities, which asks the publishers
// opened here who they post as) before the plan runs.
func (d *Daemon) build(ctx context.Context, cfg *config.Config, old *plan) (*plan, error) {
	jobs, err := Jobs(cfg)
	if err != nil {
		return nil, err
	}
	p := &plan{cfg: cfg, jobs: jobs, pubs: map[string]publish.Publisher{}, openErr: map[string]error{}}
	opened := map[string]publish.Publisher{} // asked who they post as, unless they told already
	for _, a := range cfg.Networks {
		if old != nil {
			if prev := old.account(a.Name); prev != nil && reflect.DeepEqual(*prev, a) && old.pubs[a.Name] != nil {
				p.pubs[a.Name] = old.pubs[a.Name]
				continue
			}
		}
		pub, err := d.open(ctx, a)
		if err != nil {
			p.openErr[a.Name] = err
			d.log().Error("account cannot post", slog.String("account", a.Name), slog.Any("error", err))
			continue
		}
		p.pubs[a.Name], opened[a.Name] = pub, pub
	}
	for _, sc := range cfg.Sources {
		if old != nil {
			if prev := old.poller(sc.Name); prev != nil && reflect.DeepEqual(prev.cfg, sc) {
				p.sources = append(p.sources, prev)
				continue
			}
		}
		src, err := source.New(sc, source.Deps{Store: d.Store, Client: d.SourceClient, Log: d.log()})
		if err != nil {
			return nil, err
		}
		p.sources = append(p.sources, &poller{cfg: sc, src: src, polled: make(chan struct{})})
	}
	if d.Store != nil {
		// Last, so that a config that cannot run moves nothing.
		if err := AdoptIdentities(ctx, d.Store, cfg.Networks, opened, d.log(), store.AdoptOptions{}); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *plan) account(name string) *config.Account {
	for i := range p.cfg.Networks {
		if p.cfg.Networks[i].Name == name {
			return &p.cfg.Networks[i]
		}
	}
	return nil
}

func (p *plan) poller(name string) *poller {
	for _, s := range p.sources {
		if s.cfg.Name == name {
			return s
		}
	}
	return nil
}

func (p *plan) job(name string) *Job {
	for _, j := range p.jobs {
		if j.Name() == name {
			return j
		}
	}
	return nil
}

package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/hookline/hookline/article"
)

// startPollers starts a goroutine for each source of p that old did not
// already poll, and stops old's pollers that p dropped or changed.
func (d *Daemon) startPollers(ctx context.Context, p, old *plan) {
	if old != nil {
		for _, o := range old.sources {
			if p.poller(o.cfg.Name) != o {
				o.cancel()
				<-o.done
			}
		}
	}
	for _, s := range p.sources {
		if s.done != nil {
			continue // kept from old, already running
		}
		pctx, cancel := context.WithCancel(ctx)
		s.cancel, s.done = cancel, make(chan struct{})
		d.pollWG.Add(1)
		go func() {
			defer d.pollWG.Done()
			defer close(s.done)
			d.pollLoop(pctx, s)
		}()
	}
}

// pollLoop polls s now and then every poll interval until ctx is done.
func (d *Daemon) pollLoop(ctx context.Context, s *poller) {
	first := true
	for {
		_ = d.pollOnce(ctx, s) // logged and counted
		if first {
			close(s.polled)
			first = false
		}
		t := d.clock().NewTimer(s.cfg.Poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C():
		}
	}
}

func (d *Daemon) pollOnce(ctx context.Context, s *poller) error {
	st, err := s.src.Poll(ctx)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, article.ErrForbiddenAddress) {
		err = fmt.Errorf("%w; if source %s is meant to read a loopback or private address, set allow_private: true on it", err, s.cfg.Name)
	}
	d.metrics().polled(s.cfg.Name, err)
	log := d.log().With(slog.String("source", s.cfg.Name))
	if err != nil {
		log.Error("poll failed", slog.Any("error", err))
	} else if st.New+st.Changed+st.Failed > 0 {
		log.Info("poll", slog.Int("new", st.New), slog.Int("changed", st.Changed), slog.Int("seen_only", st.SeenOnly),
			slog.Int("failed", st.Failed))
	}
	if d.OnPoll != nil {
		d.OnPoll(s.cfg.Name, err)
	}
	return err
}

package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/schedule"
	"github.com/hookline/hookline/store"
	"github.com/hookline/hookline/web"
)

func newRunCmd(g *globals) *cobra.Command {
	var once, fresh bool
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the daemon in the foreground: read sources and post on schedule",
		Long: `Run is the daemon. It reads the sources of config.yaml, and at each
schedule's cron time posts the next articles' teasers to the schedule's
accounts, exactly once, recording every post in the state file. Editing
config.yaml (or sending SIGHUP) reloads it without a restart; an invalid
edit is logged and the running config kept. SIGINT and SIGTERM stop new
work and let posts in flight finish within shutdown_timeout.

With --once it reads the sources once, fires every schedule once now
(ignoring cron times, quiet hours and jitter), and exits: 0 when all went
well, 4 when a post failed, 3 when a source could not be read (and no post
failed), 1 on any other error.

An existing state file of 0 bytes is refused: its history was lost, and
starting afresh would post again what was posted. Restore it from a backup,
or pass --init to take it as a new, empty state file.`,
		Example: `  hookline run
  hookline run --once
  hookline run --config /etc/hookline/config.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDaemon(cmd.Context(), g, runOptions{once: once, init: fresh}, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().BoolVar(&once, "once", false, "fire every schedule once now, then exit")
	cmd.Flags().BoolVar(&fresh, "init", false, "take an empty (0-byte) state file as a new one")
	return cmd
}

// runOptions are run's flags.
type runOptions struct {
	once bool // fire every schedule once, then exit
	init bool // take a 0-byte state file as new
}

func runDaemon(ctx context.Context, g *globals, opts runOptions, stdout, stderr io.Writer) error {
	cfg, _, err := loadConfig(g)
	if err != nil {
		return err
	}
	log := newLogger(cfg.Log, stderr)
	st, err := store.Open(ctx, cfg.State, store.Options{Log: log, Init: opts.init})
	if err != nil {
		return err
	}
	defer st.Close()
	release, err := st.LockDaemon()
	if err != nil {
		return err // names the other daemon's pid and what to do
	}
	defer release()
	d := &schedule.Daemon{Store: st, Log: log, Deps: networks.Deps{Stdout: stdout, Redactor: g.redactor}}
	if opts.once {
		var sourceErrs []string
		d.OnPoll = func(source string, err error) {
			if err != nil {
				sourceErrs = append(sourceErrs, source)
			}
		}
		reps, err := d.Once(ctx, cfg)
		if err != nil {
			return err
		}
		if err := printFires(reps, stdout, stderr); err != nil {
			return err
		}
		if len(sourceErrs) > 0 {
			return &codeError{exitSourceFail, fmt.Errorf("run --once: %s could not be read (see the log above)", count(len(sourceErrs), "source"))}
		}
		return nil
	}
	if cfg.Listen != "" {
		h, what := d.Handler(), "/healthz, /readyz and /metrics"
		if cfg.Web.Enabled {
			h = (&web.Server{Store: st, Config: func() *config.Config { return cmp.Or(d.Config(), cfg) },
				BasePath: cfg.Web.BasePath, Deps: d.Deps, Log: log, Daemon: h}).Handler()
			what += " and the review page at " + cfg.Web.BasePath + "/"
		}
		addr, err := schedule.Serve(ctx, cfg.Listen, h, log)
		if err != nil {
			return err
		}
		log.Info("serving "+what, slog.String("listen", addr.String()))
	}
	wctx, stopWatch := context.WithCancel(ctx)
	wait := watchConfig(wctx, g, d, log)
	log.Info("hookline running", slog.Int("schedules", len(cfg.Schedules)), slog.Int("sources", len(cfg.Sources)),
		slog.Int("networks", len(cfg.Networks)), slog.String("state", cfg.State))
	err = d.Run(ctx, cfg)
	stopWatch() // Run may return before ctx is done (a config it cannot run)
	wait()
	return err
}

// watchConfig reloads the config file when it changes and on SIGHUP, until
// ctx is done; the function it returns waits for its goroutines to end. The
// embedded default has no file to watch; SIGHUP still reloads it.
func watchConfig(ctx context.Context, g *globals, d *schedule.Daemon, log *slog.Logger) (wait func()) {
	var wg sync.WaitGroup
	path := config.Resolve(g.configPath, os.Environ())
	apply := func(c *config.Config, warns []config.Warning) {
		g.redactor.Add(c.Secrets()...)
		for _, w := range warns {
			log.Warn("config warning", slog.String("warning", w.String()))
		}
		if err := d.Reload(ctx, c); err != nil {
			log.Error("config reload failed; the running config stays", slog.Any("error", err))
		}
	}
	reject := func(err error) {
		log.Error("config edit rejected; the running config stays", slog.Any("error", config.ForReload(err)))
	}
	if path != "" {
		w := &config.Watcher{Path: path, Check: networks.CheckAccount, OnChange: apply, OnError: reject}
		wg.Go(func() {
			if err := w.Run(ctx); err != nil {
				log.Warn("config file not watched; reload with SIGHUP", slog.Any("error", err))
			}
		})
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	wg.Go(func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				log.Info("SIGHUP: reloading config")
				c, warns, err := config.Load(path, hookline.DefaultConfig, os.Environ(), networks.CheckAccount)
				if err != nil {
					reject(err)
					continue
				}
				apply(c, warns)
			}
		}
	})
	return wg.Wait
}

// newLogger returns the log/slog logger config.yaml's log: asks for,
// writing to w (a command's stderr, which redacts).
func newLogger(c config.Log, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if strings.EqualFold(c.Format, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// printFires prints one line per post of run --once and fails when any
// post or account failed.
func printFires(reps []schedule.FireReport, stdout, stderr io.Writer) error {
	failed := 0
	for _, r := range reps {
		for _, err := range r.Errors {
			fmt.Fprintf(stderr, "%s: %v\n", r.Schedule, err)
			failed++
		}
		for _, res := range r.Results {
			switch {
			case res.Err != nil:
				fmt.Fprintf(stderr, "%s: %v\n", r.Schedule, res.Err)
				failed++
			case res.Skipped:
				fmt.Fprintf(stdout, "%s: %s: not sent (%s): %s\n", r.Schedule, res.Account, res.State, res.Reason)
			default:
				fmt.Fprintf(stdout, "%s: %s: %s\n", r.Schedule, res.Account, receiptText(res.Receipt.URL, res.Receipt.ID))
			}
		}
		for _, p := range r.Proposed {
			fmt.Fprintf(stdout, "%s: %s: post %s awaits review (hookline queue, approve %s)\n", r.Schedule, p.Account,
				store.FormatID(p.ID), store.FormatID(p.ID))
		}
		if len(r.Results) == 0 && len(r.Errors) == 0 && len(r.Proposed) == 0 {
			fmt.Fprintf(stdout, "%s: nothing new to post\n", r.Schedule)
		}
	}
	if failed > 0 {
		return &codeError{exitPostFail, fmt.Errorf("run --once: %s failed (see above); hookline history shows when each is retried", count(failed, "post"))}
	}
	return nil
}

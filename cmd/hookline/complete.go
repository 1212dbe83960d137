package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline"
	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

// completeNames completes the names of the config's accounts, sources or
// schedules (what names picks) for shell completion. Nothing is printed:
// a config that does not load completes nothing.
func completeNames(g *globals, names func(*config.Config) []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		env := os.Environ()
		c, _, _, err := config.LoadLax(config.Resolve(g.configPath, env), hookline.DefaultConfig, env, networks.CheckAccount)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return names(c), cobra.ShellCompDirectiveNoFileComp
	}
}

func accountNames(c *config.Config) []string {
	out := make([]string, len(c.Networks))
	for i, a := range c.Networks {
		out[i] = a.Name
	}
	return out
}

// xAccountNames are the accounts `hookline auth x` takes.
func xAccountNames(c *config.Config) []string {
	var out []string
	for _, a := range c.Networks {
		if networks.SignsIn(a) {
			out = append(out, a.Name)
		}
	}
	return out
}

func sourceNames(c *config.Config) []string {
	out := make([]string, len(c.Sources))
	for i, s := range c.Sources {
		out[i] = s.Name
	}
	return out
}

func scheduleNames(c *config.Config) []string {
	out := make([]string, len(c.Schedules))
	for i, s := range c.Schedules {
		out[i] = s.Name
	}
	return out
}

// completeFirstArg completes the first argument with names and nothing
// after it (the N of backfill is a number).
func completeFirstArg(g *globals, names func(*config.Config) []string) cobra.CompletionFunc {
	complete := completeNames(g, names)
	return func(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return complete(cmd, args, prefix)
	}
}

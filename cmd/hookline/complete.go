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
		if a.Kind == "x" {
			out = append(out, a.Name)
		}
	}
	return out
}

package main

import (
	"fmt"

	"github.com/hookline/hookline/config"
	"github.com/spf13/cobra"
)

func newConfigCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Check, show or write the config",
		Args:  cobra.ArbitraryArgs,
		RunE:  groupRunE,
	}
	cmd.AddCommand(newConfigCheckCmd(g), newConfigShowCmd(g), newConfigInitCmd())
	return cmd
}

func newConfigCheckCmd(g *globals) *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Validate the config; exit 1 with every problem if it is not valid",
		Long: `Check loads the config as "run" would (file, ${VAR} expansion, HOOKLINE_
overrides, defaults) and validates it. Problems name the key as written,
such as schedules[1].cron, and all of them are printed at once.
It also fails on a folder source whose folder does not exist.
Warnings (unknown keys, a readable file holding secrets, an http:// server
that is not loopback) do not fail the check unless --strict is given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, name, warns, err := loadConfigWarnings(g)
			printWarnings(cmd.ErrOrStderr(), name, warns)
			if err != nil {
				return err
			}
			if errs := c.CheckFolders(); len(errs) > 0 {
				return &config.Error{File: name, Problems: errs}
			}
			if strict && len(warns) > 0 {
				return fmt.Errorf("%s: %d warning(s) with --strict", name, len(warns))
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: ok (%s, %s, %s)\n", name,
				count(len(c.Sources), "source"), count(len(c.Networks), "network"), count(len(c.Schedules), "schedule"))
			return err
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "fail on warnings too")
	return cmd
}

func newConfigShowCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "show",
		Short: "Print the effective config as YAML, secrets redacted",
		Long: `Show prints the config as Hookline sees it: defaults filled, ${VAR}
expanded and HOOKLINE_ overrides applied. Every secret prints as [redacted].
A secret whose ${VAR} is not set shows empty, with a warning naming it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, name, unset, err := loadConfigLax(g)
			printWarnings(cmd.ErrOrStderr(), name, unset)
			if err != nil {
				return err
			}
			out, err := config.Show(c)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "# %s\n%s", name, out)
			return err
		},
	}
}

func count(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

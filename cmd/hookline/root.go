package main

import (
	"github.com/spf13/cobra"

	"github.com/hookline/hookline/redact"
)

// globals are the flags every command shares, and the process's one
// redactor: it learns the config's secrets when the config loads, and the
// tokens publishers obtain; every command's output passes through it.
type globals struct {
	configPath string
	redactor   *redact.Redactor
}

func newRoot() (*cobra.Command, *globals) {
	g := &globals{redactor: redact.New()}
	root := &cobra.Command{
		Use:           "hookline",
		Short:         "Turn articles into hook-style social posts and publish them on a schedule",
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// The only PersistentPreRun: cobra runs the nearest one alone, so a
		// subcommand that set its own would bypass the redactor.
		PersistentPreRun: func(cmd *cobra.Command, _ []string) {
			cmd.SetOut(g.redactor.Writer(cmd.OutOrStdout()))
			cmd.SetErr(g.redactor.Writer(cmd.ErrOrStderr()))
		},
	}
	root.SetVersionTemplate("hookline {{.Version}}\n")
	root.SetFlagErrorFunc(flagParseError)
	root.PersistentFlags().StringVarP(&g.configPath, "config", "c", "", "config file (default ./config.yaml if present, else the embedded default; env HOOKLINE_CONFIG)")
	root.AddCommand(
		newRunCmd(g),
		newPostCmd(g),
		newPreviewCmd(g),
		newKeywordsCmd(g),
		newScheduleCmd(g),
		newHistoryCmd(g),
		newSourcesCmd(g),
		newQueueCmd(g),
		newApproveCmd(g),
		newHoldCmd(g),
		newSkipCmd(g),
		newRetryCmd(g),
		newEditCmd(g),
		newConfigCmd(g),
		newAuthCmd(g),
		newVersionCmd(),
	)
	return root, g
}

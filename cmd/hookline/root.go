package main

import "github.com/spf13/cobra"

// globals are the flags every command shares.
type globals struct {
	configPath string
}

func newRootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "hookline",
		Short:         "Turn articles into hook-style social posts and publish them on a schedule",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVarP(&g.configPath, "config", "c", "", "config file (default ./config.yaml if present, else the embedded default; env HOOKLINE_CONFIG)")
	root.AddCommand(
		newRunCmd(g),
		newPostCmd(g),
		newPreviewCmd(g),
		newKeywordsCmd(g),
		newScheduleCmd(g),
		newHistoryCmd(g),
		newConfigCmd(g),
		newAuthCmd(g),
		newVersionCmd(),
	)
	return root
}

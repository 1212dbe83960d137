package main

import (
	"cmp"
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// else the module version from the build info is used.
var version = ""

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and the VCS revision it was built from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "hookline %s\n", versionString())
			return err
		},
	}
}

// versionString is the module version (or the one set at build time) and,
// when the build info has them, the VCS revision and whether the tree had
// changes: "v1.2.0 (revision 0123456789ab)", "(devel) (revision
// 0123456789ab, modified)".
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return cmp.Or(version, "(devel)")
	}
	return versionOf(info)
}

// versionOf is versionString for the build info given.
func versionOf(info *debug.BuildInfo) string {
	v := cmp.Or(version, info.Main.Version, "(devel)")
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += " (revision " + rev + modified + ")"
	}
	return v
}

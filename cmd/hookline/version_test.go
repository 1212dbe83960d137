package main

import (
	"runtime/debug"
	"testing"
)

// TestVersionOf checks the line `hookline version` prints from the build
// info: the module version, and the VCS revision and a modified tree when
// the build recorded them (go build in a git checkout does; this
// project's CI machine builds with -buildvcs=false, so the binary the
// testscripts run shows "(devel)" alone).
func TestVersionOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"release", debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{"devel with revision", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "false"}}}, "(devel) (revision 0123456789ab)"},
		{"modified tree", debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, "v1.2.0 (revision 0123456789ab, modified)"},
		{"nothing recorded", debug.BuildInfo{}, "(devel)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionOf(&tc.info); got != tc.want {
				t.Errorf("versionOf = %q, want %q", got, tc.want)
			}
		})
	}
}

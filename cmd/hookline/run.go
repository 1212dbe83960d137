package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER: replaced by the command's owner.
func newRunCmd(g *globals) *cobra.Command {
	_ = g
	return &cobra.Command{Use: "run", RunE: func(*cobra.Command, []string) error { return errors.New("run: not built yet") }}
}

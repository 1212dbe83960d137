package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER: replaced by the command's owner.
func newConfigCmd(g *globals) *cobra.Command {
	_ = g
	return &cobra.Command{Use: "config", RunE: func(*cobra.Command, []string) error { return errors.New("config: not built yet") }}
}

package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER: replaced by the command's owner.
func newPreviewCmd(g *globals) *cobra.Command {
	_ = g
	return &cobra.Command{Use: "preview", RunE: func(*cobra.Command, []string) error { return errors.New("preview: not built yet") }}
}

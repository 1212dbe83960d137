package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER: replaced by the command's owner.
func newHistoryCmd(g *globals) *cobra.Command {
	_ = g
	return &cobra.Command{Use: "history", RunE: func(*cobra.Command, []string) error { return errors.New("history: not built yet") }}
}

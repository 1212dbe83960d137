package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER: replaced by the command's owner.
func newScheduleCmd(g *globals) *cobra.Command {
	_ = g
	return &cobra.Command{Use: "schedule", RunE: func(*cobra.Command, []string) error { return errors.New("schedule: not built yet") }}
}

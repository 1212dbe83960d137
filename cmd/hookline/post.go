package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER: replaced by the command's owner.
func newPostCmd(g *globals) *cobra.Command {
	_ = g
	return &cobra.Command{Use: "post", RunE: func(*cobra.Command, []string) error { return errors.New("post: not built yet") }}
}

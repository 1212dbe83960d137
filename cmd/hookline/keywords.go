package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// PLACEHOLDER: replaced by the command's owner.
func newKeywordsCmd(g *globals) *cobra.Command {
	_ = g
	return &cobra.Command{Use: "keywords", RunE: func(*cobra.Command, []string) error { return errors.New("keywords: not built yet") }}
}

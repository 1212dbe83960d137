package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline"
)

func newConfigInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter config (default ./config.yaml); never overwrites",
		Long: `Init writes the starter config, commented key by key, to FILE (default
config.yaml in the working directory), with mode 0600 since it will hold
secrets. It is the built-in default: it posts the sample articles to
./outbox.jsonl. An existing FILE is never overwritten.`,
		Example: `  hookline config init
  hookline config init /etc/hookline/config.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "config.yaml"
			if len(args) == 1 {
				path = args[0]
			}
			if err := writeNew(path, hookline.DefaultConfig); err != nil {
				return err
			}
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "wrote %s; edit it, then run: hookline config check --config %s\n", path, path)
			return err
		},
	}
}

// writeNew writes data to a new file at path, mode 0600, refusing to
// replace one that exists.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("config init: %s already exists; edit it, or name another file: hookline config init FILE", path)
	}
	if err != nil {
		return fmt.Errorf("config init: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("config init: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("config init: write %s: %w", path, err)
	}
	return nil
}

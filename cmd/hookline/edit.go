package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/review"
	"github.com/hookline/hookline/store"
)

func newEditCmd(g *globals) *cobra.Command {
	var (
		text    string
		hasText bool
	)
	cmd := &cobra.Command{
		Use:   "edit ID [--text TEXT]",
		Short: "Change a waiting post's text, checked against its network's limit",
		Long: `Edit replaces the text of a post under review, approved or held (ID from
hookline queue) with TEXT, or with what you write in $EDITOR when --text is
not given. The text is checked for the account's network as it counts it
(the limit, with the account's max_chars), its #hashtags must be valid on
every network, and Bluesky's link and tag facets are taken from it; text
that does not fit is refused with by how much, and nothing changes. The
edit is stored, so it survives restarts and reloads, and is what goes out.
A post that was ever sent cannot be edited.`,
		Example: `  hookline edit 12 --text "Kim Jong Un is off to China by train again. https://example.com/kim #Kim"
  EDITOR=nano hookline edit 12`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := store.ParseID(args[0])
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			cfg, st, err := openState(ctx, g, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer st.Close()
			hasText = cmd.Flags().Changed("text")
			if !hasText {
				rec, err := st.PostByID(ctx, id)
				if err != nil {
					return err
				}
				if text, err = editText(ctx, id, rec.Post.Text); err != nil {
					return err
				}
			}
			ed, err := review.Edit(ctx, cfg, st, id, text)
			if err != nil {
				return err
			}
			draft, ch := ed.Draft, ed.Change
			limit := " (" + networks.Count(draft.Length, draft.Limit) + ")"
			word := "edited"
			if !ch.Changed {
				word = "unchanged"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "post %s: %s%s, %s\n", store.FormatID(id), word, limit, ch.Post.State)
			return nil
		},
	}
	cmd.Flags().StringVarP(&text, "text", "t", "", "the new `TEXT` (default: open $EDITOR on the current text)")
	return cmd
}

// editText opens $EDITOR (else $VISUAL) on text and returns what was saved.
func editText(ctx context.Context, id int64, text string) (string, error) {
	editor := os.Getenv("EDITOR")
	if editor == "" {
		editor = os.Getenv("VISUAL")
	}
	if editor == "" {
		return "", fmt.Errorf("post %s: %w", store.FormatID(id), errNoText)
	}
	dir, err := os.MkdirTemp("", "hookline-edit-")
	if err != nil {
		return "", fmt.Errorf("post %s: edit: %w", store.FormatID(id), err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "post-"+store.FormatID(id)+".txt")
	if err := os.WriteFile(path, []byte(text+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("post %s: edit: %w", store.FormatID(id), err)
	}
	c := exec.CommandContext(ctx, "sh", "-c", editor+` "$1"`, "sh", path)
	c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stderr, os.Stderr
	if err := c.Run(); err != nil {
		return "", fmt.Errorf("post %s: editor %s: %w; nothing changed", store.FormatID(id), editor, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("post %s: edit: %w", store.FormatID(id), err)
	}
	return string(data), nil
}

package main

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes. Every error exits 1, except that run --once tells a source
// that could not be read from a post that failed; the README lists them.
const (
	exitError      = 1 // any error: a bad config, flag or argument, an unknown command
	exitSourceFail = 3 // run --once: a source could not be read (posts were still made)
	exitPostFail   = 4 // run --once: a post failed (whether or not a source failed too)
)

// codeError is an error with the exit code it asks for.
type codeError struct {
	code int
	err  error
}

func (e *codeError) Error() string { return e.err.Error() }
func (e *codeError) Unwrap() error { return e.err }

// exitCode is the process's exit code for err.
func exitCode(err error) int {
	var ce *codeError
	if errors.As(err, &ce) {
		return ce.code
	}
	return exitError
}

// flagError is the one wording of a flag's bad value: "--top 0: want a
// number from 1 to 1000".
func flagError(flag string, value any, want string) error {
	return fmt.Errorf("--%s %v: want %s", flag, value, want)
}

// flagValue shows a flag's value in an error: as given, or "" when empty.
func flagValue(v string) string {
	if v == "" {
		return `""`
	}
	return v
}

// groupRunE makes a command that only groups others fail on an argument
// that names none of them, instead of printing help and exiting 0.
func groupRunE(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmd.Help()
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return fmt.Errorf("unknown command %q for %q; use one of: %s", args[0], cmd.CommandPath(), strings.Join(names, ", "))
}

var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag`)

// flagParseError words the flag package's errors for a bad value as
// flagError does: `--limit abc: want a whole number`.
func flagParseError(cmd *cobra.Command, err error) error {
	m := badFlagValue.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	want := "a valid value"
	if f := cmd.Flags().Lookup(m[2]); f != nil {
		switch t := f.Value.Type(); {
		case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
			want = "a whole number"
		case t == "duration":
			want = "a duration, such as 30s, 15m or 2h"
		case t == "bool":
			want = "true or false"
		}
	}
	return flagError(m[2], m[1], want)
}

package main

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/publish/networks"
	"github.com/hookline/hookline/store"
)

func newAuthCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "auth",
		Short: "Authorize Hookline to post for an account",
		Args:  cobra.ArbitraryArgs,
		RunE:  groupRunE,
	}
	cmd.AddCommand(newAuthXCmd(g))
	return cmd
}

func newAuthXCmd(g *globals) *cobra.Command {
	var (
		port         int
		timeout      time.Duration
		authorizeURL string
	)
	cmd := &cobra.Command{
		Use:   "x ACCOUNT",
		Short: "Authorize an X account with OAuth 2.0 and store its refresh token",
		Long: `Auth x runs X's OAuth 2.0 authorization (PKCE) for ACCOUNT, an account of
kind x with client_id (and client_secret for a confidential app) in
config.yaml. It prints an address to open in a browser; after you authorize
Hookline there, X sends the browser back to http://127.0.0.1:PORT/callback,
where Hookline waits. The refresh token is stored in the state file, never
printed; Hookline renews and rotates it from then on.

The app's User authentication settings on developer.x.com must list the
callback URI exactly as printed (the default port is 8976), with Read and
Write permissions.`,
		Example: `  hookline auth x x-main
  hookline auth x x-main --port 9000`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeFirstArg(g, xAccountNames),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, cfgName, err := loadConfig(g)
			if err != nil {
				return err
			}
			acct, ok := cfg.Account(args[0])
			if !ok {
				return fmt.Errorf("%s: no account named %q in %s", args[0], args[0], cfgName)
			}
			ctx := cmd.Context()
			out := cmd.OutOrStdout()
			st, err := openStateWrite(ctx, cfg, store.Options{Log: slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))}, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer st.Close()
			refresh, scope, err := networks.SignInX(ctx, acct, networks.SignIn{
				AuthorizeURL: authorizeURL,
				Port:         port,
				Timeout:      timeout,
				Redactor:     g.redactor,
				Show: func(authURL, redirect string) error {
					_, err := fmt.Fprintf(out, "Open this address in a browser and authorize Hookline for %s:\n\n  %s\n\n"+
						"Waiting up to %s for X to send the browser to %s\n", acct.Name, authURL, timeout, redirect)
					return err
				},
			})
			if err != nil {
				return err
			}
			if err := st.SetToken(ctx, acct.Name, refresh); err != nil {
				return fmt.Errorf("%s: store the refresh token: %w", acct.Name, err)
			}
			scopes := strings.Fields(scope)
			if len(scopes) > 0 && !slices.Contains(scopes, "tweet.write") {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: warning: X granted %q without tweet.write; posts will be refused\n", acct.Name, scope)
			}
			fmt.Fprintf(out, "%s: authorized; the refresh token is stored in %s\n", acct.Name, st.Path())
			return nil
		},
	}
	cmd.Flags().IntVar(&port, "port", 8976, "loopback `PORT` of the callback; 0 picks a free one (it must match the app's callback URI)")
	cmd.Flags().DurationVar(&timeout, "timeout", networks.SignInTimeout, "how long to wait for the browser")
	cmd.Flags().StringVar(&authorizeURL, "authorize-url", networks.SignInAuthorizeURL, "X's authorize page (for tests)")
	_ = cmd.Flags().MarkHidden("authorize-url")
	return cmd
}

package main

import (
	"cmp"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/publish/x"
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
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeNames(g, xAccountNames)(cmd, args, prefix)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, cfgName, err := loadConfig(g)
			if err != nil {
				return err
			}
			acct, ok := cfg.Account(args[0])
			switch {
			case !ok:
				return fmt.Errorf("%s: no account named %q in %s", args[0], args[0], cfgName)
			case acct.Kind != "x":
				return fmt.Errorf("%s: kind is %q; auth x is for accounts of kind x", acct.Name, acct.Kind)
			case acct.ClientID == "":
				return fmt.Errorf("%s: client_id is required for OAuth 2.0: copy the OAuth 2.0 Client ID from the app's Keys and tokens page into %s", acct.Name, cfgName)
			}
			ctx := cmd.Context()
			out := cmd.OutOrStdout()
			st, err := store.Open(ctx, cfg.State, store.Options{Log: slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))})
			if err != nil {
				return err
			}
			defer st.Close()
			flow := x.AuthFlow{
				ClientID:     acct.ClientID,
				ClientSecret: acct.ClientSecret,
				AuthorizeURL: authorizeURL,
				TokenURL:     strings.TrimRight(cmp.Or(acct.Server, x.DefaultServer), "/") + x.TokenPath,
				Listen:       net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
				Timeout:      timeout,
				HTTPClient:   &http.Client{Timeout: cmp.Or(acct.Timeout, x.DefaultTimeout)},
				Redactor:     g.redactor,
				Show: func(authURL, redirect string) error {
					_, err := fmt.Fprintf(out, "Open this address in a browser and authorize Hookline for %s:\n\n  %s\n\n"+
						"Waiting up to %s for X to send the browser to %s\n", acct.Name, authURL, timeout, redirect)
					return err
				},
			}
			tok, err := flow.Run(ctx)
			if err != nil {
				return fmt.Errorf("%s: %w", acct.Name, err)
			}
			if err := st.SetToken(ctx, acct.Name, tok.RefreshToken); err != nil {
				return fmt.Errorf("%s: store the refresh token: %w", acct.Name, err)
			}
			scopes := strings.Fields(tok.Scope)
			if len(scopes) > 0 && !slices.Contains(scopes, "tweet.write") {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: warning: X granted %q without tweet.write; posts will be refused\n", acct.Name, tok.Scope)
			}
			fmt.Fprintf(out, "%s: authorized; the refresh token is stored in %s\n", acct.Name, st.Path())
			return nil
		},
	}
	cmd.Flags().IntVar(&port, "port", 8976, "loopback `PORT` of the callback; 0 picks a free one (it must match the app's callback URI)")
	cmd.Flags().DurationVar(&timeout, "timeout", x.DefaultAuthTimeout, "how long to wait for the browser")
	cmd.Flags().StringVar(&authorizeURL, "authorize-url", x.DefaultAuthorizeURL, "X's authorize page (for tests)")
	_ = cmd.Flags().MarkHidden("authorize-url")
	return cmd
}

package bluesky

import (
	"context"
	"errors"
	"log/slog"
)

// session is a logged-in session, kept in memory only.
type session struct {
	access  string
	refresh string
	did     string
	handle  string
}

// sessionOutput is com.atproto.server.createSession's and refreshSession's
// output (the fields Hookline uses).
type sessionOutput struct {
	AccessJwt  string `json:"accessJwt"`
	RefreshJwt string `json:"refreshJwt"`
	Handle     string `json:"handle"`
	DID        string `json:"did"`
}

func (o sessionOutput) session() session {
	return session{access: o.AccessJwt, refresh: o.RefreshJwt, did: o.DID, handle: o.Handle}
}

// currentSession returns the session, logging in first when there is none.
func (c *Client) currentSession(ctx context.Context) (session, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sess.access != "" {
		return c.sess, nil
	}
	return c.loginLocked(ctx)
}

// loginLocked creates a session with the app password. c.mu is held.
func (c *Client) loginLocked(ctx context.Context) (session, error) {
	in := map[string]string{"identifier": c.identifier, "password": c.password.Value()}
	var out sessionOutput
	if err := c.do(ctx, request{nsid: "com.atproto.server.createSession", input: in}, &out); err != nil {
		return session{}, c.wrap("log in", err)
	}
	if out.AccessJwt == "" || out.DID == "" {
		return session{}, c.wrap("log in", errors.New("createSession answered without a session"))
	}
	c.redactor.Add(out.AccessJwt, out.RefreshJwt)
	c.sess = out.session()
	c.log.Debug("bluesky session created", slog.String("did", c.sess.did), slog.String("handle", c.sess.handle))
	return c.sess, nil
}

// renew replaces the session whose access token stale was refused as
// expired: refreshSession with the refresh token, or a new login when that
// is refused too. Concurrent callers renew once.
func (c *Client) renew(ctx context.Context, stale string) (session, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sess.access != "" && c.sess.access != stale {
		return c.sess, nil // another post renewed it meanwhile
	}
	if c.sess.refresh != "" {
		var out sessionOutput
		err := c.do(ctx, request{nsid: "com.atproto.server.refreshSession", post: true, bearer: c.sess.refresh}, &out)
		if err == nil && out.AccessJwt != "" {
			c.redactor.Add(out.AccessJwt, out.RefreshJwt)
			c.sess = out.session()
			c.log.Debug("bluesky session refreshed")
			return c.sess, nil
		}
		var xe *xrpcError
		if err != nil && !errors.As(err, &xe) {
			return session{}, c.wrap("refresh session", err) // network: retry later
		}
		c.log.Debug("bluesky refresh refused; logging in again", slog.Any("error", err))
	}
	c.sess = session{}
	return c.loginLocked(ctx)
}

// authed calls r with the session's access token, renewing the session once
// when the token has expired.
func (c *Client) authed(ctx context.Context, r request, out any) (session, error) {
	s, err := c.currentSession(ctx)
	if err != nil {
		return session{}, err
	}
	r.bearer = s.access
	err = c.do(ctx, r, out)
	if !isExpired(err) {
		return s, err
	}
	if s, err = c.renew(ctx, s.access); err != nil {
		return session{}, err
	}
	r.bearer = s.access
	return s, c.do(ctx, r, out)
}

// isExpired reports whether err says the access token is no longer valid.
func isExpired(err error) bool {
	var xe *xrpcError
	if !errors.As(err, &xe) {
		return false
	}
	return xe.Name == "ExpiredToken" || xe.Name == "InvalidToken"
}

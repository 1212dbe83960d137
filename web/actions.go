package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/review"
	"github.com/hookline/hookline/store"
)

// act runs one action on one post, POST /post/{id}/{action}, through the
// store and review functions the command line uses, then sends the person
// back to the page they were on with the outcome.
func (s *Server) act(w http.ResponseWriter, r *http.Request, sess *session) {
	action := r.PathValue("action")
	if _, ok := actionLabels[action]; !ok {
		http.Error(w, "no action "+action+": use approve, now, hold, skip, retry or edit", http.StatusNotFound)
		return
	}
	id, err := store.ParseID(r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	msg, err := s.do(r, id, action)
	s.sessions.with(sess, func(se *session) {
		se.flash, se.flashErr = msg, err != nil
		if err != nil {
			se.flash = err.Error()
		}
		if action == "edit" && err != nil {
			if se.drafts == nil {
				se.drafts = map[int64]string{}
			}
			se.drafts[id] = r.PostFormValue("text")
		} else {
			delete(se.drafts, id)
		}
	})
	attrs := []any{slog.String("post", store.FormatID(id)), slog.String("action", action)}
	if err != nil {
		s.log().Warn("web: action refused", append(attrs, slog.Any("error", err))...)
	} else {
		s.log().Info("web: action", attrs...)
	}
	http.Redirect(w, r, s.back(r.PostFormValue("back")), http.StatusSeeOther)
}

// do runs action on post id and says what happened in one line.
func (s *Server) do(r *http.Request, id int64, action string) (string, error) {
	ctx, st, cfg := r.Context(), s.Store, s.Config()
	name := "post " + store.FormatID(id)
	switch action {
	case "approve":
		ch, err := st.Approve(ctx, id)
		return outcome(name, "approved: it goes out at its schedule's next fire", ch, err)
	case "hold":
		ch, err := st.Hold(ctx, id)
		return outcome(name, "held: nothing goes out until you approve it", ch, err)
	case "skip":
		ch, err := st.SkipPost(ctx, id, "skipped by hand")
		return outcome(name, "skipped: it will not go out", ch, err)
	case "edit":
		ed, err := review.Edit(ctx, cfg, st, id, r.PostFormValue("text"))
		if err != nil {
			return "", err
		}
		msg := name + ": text saved"
		if ed.Draft.Limit > 0 {
			msg += fmt.Sprintf(" (%d/%d)", ed.Draft.Length, ed.Draft.Limit)
		}
		if !ed.Change.Changed {
			msg = name + ": text unchanged"
		}
		return msg, nil
	case "now", "retry":
		var (
			ch  store.Change
			err error
		)
		if action == "now" {
			ch, err = st.Approve(ctx, id)
		} else {
			ch, err = st.Retry(ctx, id)
		}
		if err != nil {
			return "", err
		}
		if ch.Post.State == store.Posted || ch.Post.State == store.Posting {
			return name + ": already " + string(ch.Post.State), nil
		}
		sctx, cancel := s.sendContext(r)
		defer cancel()
		return sent(name, s.send(sctx, ch.Post, action == "retry"))
	}
	return "", fmt.Errorf("no action %s", action)
}

func (s *Server) send(ctx context.Context, rec store.PostRecord, manual bool) deliver.Result {
	return review.Send(ctx, s.Config(), s.Store, s.Deps, []store.PostRecord{rec}, review.SendOptions{Manual: manual})[0]
}

func outcome(name, done string, ch store.Change, err error) (string, error) {
	switch {
	case err != nil:
		return "", err
	case ch.Changed:
		return name + ": " + done, nil
	}
	return name + ": already " + string(ch.Post.State), nil
}

// sent says what became of a post sent now.
func sent(name string, res deliver.Result) (string, error) {
	switch {
	case res.Err != nil:
		if !strings.HasPrefix(res.Err.Error(), name) {
			return "", fmt.Errorf("%s: %w", name, res.Err)
		}
		return "", res.Err
	case res.Skipped && (res.State == store.Posted || res.State == store.Posting):
		return name + ": already " + string(res.State), nil
	case res.Skipped:
		return "", fmt.Errorf("%s: not sent: %s", name, res.Reason)
	}
	where := res.Receipt.URL
	if where == "" {
		where = "id " + res.Receipt.ID
	}
	return name + ": posted to " + res.Account + ": " + where, nil
}

// back is where an action returns: the page it came from when that is one
// of ours, else the queue.
func (s *Server) back(to string) string {
	if strings.HasPrefix(to, s.BasePath+"/") && !strings.HasPrefix(to, "//") && !strings.ContainsAny(to, "\\\r\n") &&
		!strings.HasPrefix(to, s.BasePath+"/post/") && !strings.HasPrefix(to, s.BasePath+"//") {
		return to
	}
	return s.BasePath + "/"
}

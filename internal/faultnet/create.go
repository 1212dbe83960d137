package faultnet

import (
	"encoding/json"
	"net/http"
	"time"
)

// reply is an answer a fake has decided on.
type reply struct {
	code  int
	body  []byte
	ctype string // defaults to JSON
}

func jsonReply(code int, v any) reply {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only fixed shapes are encoded
	}
	return reply{code: code, body: b}
}

// proto is what differs between protocols in the shape of a fault's answer.
type proto struct {
	// errBody is the body of an error answer with this status.
	errBody func(code int) []byte
	// rateHeaders sets the headers that say when a rate limit lifts.
	rateHeaders func(h http.Header, reset time.Time)
}

// serveCreate runs a create request through the fault switch: faults that
// strike before the post exists answer at once; commit creates the post
// (or finds it already made) and returns the answer; faults that strike
// after the commit then spoil that answer.
func (s *Server) serveCreate(w http.ResponseWriter, r *http.Request, p proto, commit func() reply) {
	f, release := s.take()
	switch f {
	case Status500, Status502, Status503, Unauthorized:
		code := map[Fault]int{Status500: 500, Status502: 502, Status503: 503, Unauthorized: 401}[f]
		write(w, reply{code: code, body: p.errBody(code)})
		return
	case Hang:
		<-r.Context().Done()
		return
	case Reset:
		hijackClose(w)
		return
	case RateLimited, RateLimitedNoReset:
		if f == RateLimited {
			p.rateHeaders(w.Header(), s.rateReset())
		}
		write(w, reply{code: http.StatusTooManyRequests, body: p.errBody(http.StatusTooManyRequests)})
		return
	case Hold:
		select {
		case s.Arrived <- struct{}{}:
		default:
		}
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
	}
	rep := commit()
	switch f {
	case ResetAfter:
		hijackClose(w)
	case Slow:
		dribble(w, r, rep)
	case Malformed:
		if rep.code >= 200 && rep.code < 300 {
			rep.body = []byte(`{"id": 12, "data": [unterminated`)
		}
		write(w, rep)
	case Late:
		<-r.Context().Done()
		write(w, rep) // the client has gone; the answer is lost
	default:
		write(w, rep)
	}
}

func write(w http.ResponseWriter, rep reply) {
	w.Header().Set("Content-Type", contentType(rep))
	w.WriteHeader(rep.code)
	_, _ = w.Write(rep.body)
}

// hijackClose drops the connection without an answer.
func hijackClose(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // the server closes the connection
	}
	conn.Close()
}

// dribble sends the answer one byte a second until done or the client goes.
func dribble(w http.ResponseWriter, r *http.Request, rep reply) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", contentType(rep))
	w.WriteHeader(rep.code)
	_ = rc.Flush()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := range rep.body {
		if _, err := w.Write(rep.body[i : i+1]); err != nil {
			return
		}
		if rc.Flush() != nil {
			return
		}
		select {
		case <-tick.C:
		case <-r.Context().Done():
			return
		}
	}
}

func contentType(rep reply) string {
	if rep.ctype != "" {
		return rep.ctype
	}
	return "application/json; charset=utf-8"
}

package redact

import (
	"context"
	"fmt"
	"log/slog"
)

// handler returns a slog.Handler that replaces known secrets in every
// record's message and attribute values (strings, errors, Stringers, and
// any other value by its printed form) before passing it to h. Secrets
// added to r later are redacted from later records.
func (r *Redactor) handler(h slog.Handler) slog.Handler {
	if hh, ok := h.(*handler); ok && hh.r == r {
		return h
	}
	return &handler{h: h, r: r}
}

type handler struct {
	h slog.Handler
	r *Redactor
}

func (h *handler) Enabled(ctx context.Context, l slog.Level) bool { return h.h.Enabled(ctx, l) }

func (h *handler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, h.r.String(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.h.Handle(ctx, out)
}

func (h *handler) WithAttrs(as []slog.Attr) slog.Handler {
	rs := make([]slog.Attr, len(as))
	for i, a := range as {
		rs[i] = h.attr(a)
	}
	return &handler{h: h.h.WithAttrs(rs), r: h.r}
}

func (h *handler) WithGroup(name string) slog.Handler {
	return &handler{h: h.h.WithGroup(name), r: h.r}
}

func (h *handler) attr(a slog.Attr) slog.Attr {
	a.Key = h.r.String(a.Key)
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(h.r.String(v.String()))
	case slog.KindGroup:
		g := v.Group()
		rs := make([]slog.Attr, len(g))
		for i, ga := range g {
			rs[i] = h.attr(ga)
		}
		a.Value = slog.GroupValue(rs...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			a.Value = slog.StringValue(h.r.String(x.Error()))
		case fmt.Stringer:
			a.Value = slog.StringValue(h.r.String(x.String()))
		case []byte:
			a.Value = slog.StringValue(h.r.String(string(x)))
		default:
			// Printed only to look: a value without a secret keeps its kind.
			if s := fmt.Sprint(x); len(s) > 0 {
				if out := h.r.String(s); out != s {
					a.Value = slog.StringValue(out)
					break
				}
			}
			a.Value = v
		}
	default:
		a.Value = v
	}
	return a
}

// Logger returns l (nil for a logger that discards) with its handler
// wrapped by r.handler.
func (r *Redactor) Logger(l *slog.Logger) *slog.Logger {
	if l == nil {
		return slog.New(slog.DiscardHandler)
	}
	return slog.New(r.handler(l.Handler()))
}

package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkServer_queuePage renders the queue page of 1,000 posts waiting
// for review, from the state file to the HTML (target: under 50 ms).
func BenchmarkServer_queuePage(b *testing.B) {
	for _, page := range []string{"/", "/week"} {
		b.Run(page, func(b *testing.B) {
			e := setup(b, "")
			seedMany(b, e, 1000)
			id, _ := e.s.sessions.open(time.Now(), true)
			h := e.s.Handler()
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, page, nil)
				req.AddCookie(&http.Cookie{Name: cookieName, Value: id})
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", page, w.Code)
				}
			}
		})
	}
}

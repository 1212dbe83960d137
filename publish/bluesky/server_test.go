package bluesky

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/hookline/hookline/publish/bluesky/internal/lexicon"
)

// fakePDS is an httptest XRPC server that behaves like the reference PDS
// for the calls Hookline makes, and validates every request (and its own
// answers) against the lexicons in ../shared/specs/atproto-lexicons.
type fakePDS struct {
	t   *testing.T
	lex *lexicon.Catalog
	srv *httptest.Server

	identifier, password, did, handle string

	mu       sync.Mutex
	calls    []string          // NSIDs in order
	tokens   map[string]string // token → "access" | "refresh" | "expired"
	serial   int
	records  map[string]json.RawMessage // rkey → record
	blobs    map[string][]byte          // cid → data
	override map[string][]reply         // NSID → scripted answers, used first
	dupReply reply                      // answer to a create on a taken rkey
	expireAt int                        // expire the access token once, after this many authed calls; 0 never
	authed   int
}

// reply is a scripted XRPC answer.
type reply struct {
	status  int
	name    string
	message string
	header  map[string]string
}

func newFakePDS(t *testing.T) *fakePDS {
	t.Helper()
	lex, err := lexicon.Load("../../../shared/specs/atproto-lexicons")
	if err != nil {
		t.Fatal(err)
	}
	f := &fakePDS{
		t: t, lex: lex,
		identifier: "alice.test", password: "abcd-efgh-ijkl-mnop",
		did: "did:plc:ewvi7nxzyoun6zhxrhs64oiz", handle: "alice.test",
		tokens:   map[string]string{},
		records:  map[string]json.RawMessage{},
		blobs:    map[string][]byte{},
		override: map[string][]reply{},
		// The reference PDS (0.4.217) answers a taken record key so.
		dupReply: reply{status: 500, name: "InternalServerError", message: "Internal Server Error"},
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// script makes the next answers to nsid the given ones.
func (f *fakePDS) script(nsid string, rs ...reply) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.override[nsid] = append(f.override[nsid], rs...)
}

func (f *fakePDS) callsTo(nsid string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c == nsid {
			n++
		}
	}
	return n
}

func (f *fakePDS) record(rkey string) json.RawMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.records[rkey]
}

func (f *fakePDS) serve(w http.ResponseWriter, r *http.Request) {
	nsid, ok := strings.CutPrefix(r.URL.Path, "/xrpc/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, nsid)
	if rs := f.override[nsid]; len(rs) > 0 {
		f.override[nsid] = rs[1:]
		f.fail(w, rs[0])
		return
	}
	switch nsid {
	case "com.atproto.server.createSession":
		f.mustPost(r, "application/json")
		f.valid(f.lex.Input(nsid, body), nsid, body)
		var in struct{ Identifier, Password string }
		json.Unmarshal(body, &in)
		if in.Identifier != f.identifier && in.Identifier != f.did || in.Password != f.password { // a handle or the DID, as the PDS takes
			f.fail(w, reply{status: 401, name: "AuthenticationRequired", message: "Invalid identifier or password"})
			return
		}
		f.answer(w, nsid, f.newSession())
	case "com.atproto.server.refreshSession":
		f.mustPost(r, "")
		if len(body) != 0 {
			f.t.Errorf("refreshSession: a body was sent (%q); the procedure has no input", body)
		}
		if f.tokens[bearer(r)] != "refresh" {
			f.fail(w, reply{status: 400, name: "ExpiredToken", message: "Token has expired"})
			return
		}
		delete(f.tokens, bearer(r))
		f.answer(w, "", f.newSession())
	case "com.atproto.repo.uploadBlob":
		if !f.authorize(w, r) {
			return
		}
		f.uploadBlob(w, r, body)
	case "com.atproto.repo.createRecord":
		if !f.authorize(w, r) {
			return
		}
		f.createRecord(w, r, body)
	case "com.atproto.repo.getRecord":
		f.getRecord(w, r)
	default:
		f.fail(w, reply{status: 501, name: "MethodNotImplemented", message: "Method Not Implemented"})
	}
}

// authorize checks the bearer access token; expired ones get ExpiredToken.
func (f *fakePDS) authorize(w http.ResponseWriter, r *http.Request) bool {
	tok := bearer(r)
	f.authed++
	if f.expireAt > 0 && f.authed > f.expireAt && f.tokens[tok] == "access" {
		f.tokens[tok] = "expired"
		f.expireAt = 0 // once
	}
	switch f.tokens[tok] {
	case "access":
		return true
	case "expired":
		f.fail(w, reply{status: 400, name: "ExpiredToken", message: "Token has expired"})
	default:
		f.fail(w, reply{status: 401, name: "AuthenticationRequired", message: "Authentication Required"})
	}
	return false
}

func (f *fakePDS) newSession() map[string]any {
	f.serial++
	access, refresh := fmt.Sprintf("eyJ.access-%d.sig", f.serial), fmt.Sprintf("eyJ.refresh-%d.sig", f.serial)
	f.tokens[access], f.tokens[refresh] = "access", "refresh"
	return map[string]any{"accessJwt": access, "refreshJwt": refresh, "handle": f.handle, "did": f.did, "active": true}
}

func (f *fakePDS) mustPost(r *http.Request, ctype string) {
	if r.Method != http.MethodPost {
		f.t.Errorf("%s: method %s, want POST", r.URL.Path, r.Method)
	}
	if ctype != "" && r.Header.Get("Content-Type") != ctype {
		f.t.Errorf("%s: Content-Type %q, want %q", r.URL.Path, r.Header.Get("Content-Type"), ctype)
	}
}

// valid reports a lexicon violation as a test error.
func (f *fakePDS) valid(err error, what string, body []byte) {
	if err != nil {
		f.t.Errorf("%s does not follow its lexicon: %v\n%s", what, err, body)
	}
}

func (f *fakePDS) answer(w http.ResponseWriter, outputOf string, v any) {
	b, _ := json.Marshal(v)
	if outputOf != "" {
		f.valid(f.lex.Output(outputOf, b), "the fake's own "+outputOf+" output", b)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

func (f *fakePDS) fail(w http.ResponseWriter, rp reply) {
	for k, v := range rp.header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(rp.status)
	json.NewEncoder(w).Encode(map[string]string{"error": rp.name, "message": rp.message})
}

func bearer(r *http.Request) string {
	tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return tok
}

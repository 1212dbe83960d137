package faultnet

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Bluesky is a fake PDS: com.atproto.server.createSession (app password),
// refreshSession, com.atproto.repo.createRecord, which refuses a record key
// already taken (with a 500, as the reference PDS does), and getRecord.
type Bluesky struct {
	*Server
	// Password is the app password accepted; empty accepts any.
	Password string
	// DID is the account's DID. Defaults to "did:plc:faultnetfaultnet".
	DID string

	mu      sync.Mutex
	records map[string]json.RawMessage // rkey → record
	uris    map[string]string          // rkey → at:// URI
	tokens  map[string]bool            // access and refresh JWTs issued
	issued  int
}

// NewBluesky starts a fake PDS; Close it when done.
func NewBluesky() *Bluesky {
	b := &Bluesky{DID: "did:plc:faultnetfaultnet", records: map[string]json.RawMessage{}, uris: map[string]string{}, tokens: map[string]bool{}}
	b.Server = newServer(http.HandlerFunc(b.serve))
	return b
}

var bskyProto = proto{
	errBody: func(code int) []byte {
		name := map[int]string{401: "AuthenticationRequired", 429: "RateLimitExceeded"}[code]
		if name == "" {
			name = "InternalServerError"
		}
		return jsonReply(code, map[string]string{"error": name, "message": http.StatusText(code)}).body
	},
	rateHeaders: func(h http.Header, reset time.Time) {
		h.Set("ratelimit-limit", "5000")
		h.Set("ratelimit-remaining", "0")
		h.Set("ratelimit-reset", strconv.FormatInt(reset.Unix(), 10))
		h.Set("ratelimit-policy", "5000;w=3600")
	},
}

// bskyEcho is an XRPC error whose message is the echo. A 400 says
// ExpiredToken, so that the client refreshes its session and logs in
// again, sending every credential it has.
func bskyEcho(_ string, code int, echo string) any {
	name := map[int]string{400: "ExpiredToken", 401: "AuthenticationRequired", 429: "RateLimitExceeded"}[code]
	switch {
	case name != "":
	case code >= 500:
		name = "InternalServerError"
	default:
		name = "InvalidRequest"
	}
	return map[string]string{"error": name, "message": echo}
}

func (b *Bluesky) serve(w http.ResponseWriter, r *http.Request) {
	if b.serveEcho(w, r, bskyProto, bskyEcho) {
		return
	}
	nsid := strings.TrimPrefix(r.URL.Path, "/xrpc/")
	switch nsid {
	case "com.atproto.server.createSession":
		var in struct{ Identifier, Password string }
		if json.NewDecoder(r.Body).Decode(&in) != nil || in.Identifier == "" || (b.Password != "" && in.Password != b.Password) {
			write(w, jsonReply(401, map[string]string{"error": "AuthenticationRequired", "message": "Invalid identifier or password"}))
			return
		}
		write(w, jsonReply(200, b.session(in.Identifier)))
	case "com.atproto.server.refreshSession":
		if !b.authorized(r) {
			write(w, jsonReply(400, map[string]string{"error": "ExpiredToken", "message": "Token has expired"}))
			return
		}
		write(w, jsonReply(200, b.session("fake.bsky.social")))
	case "com.atproto.repo.createRecord":
		if !b.authorized(r) {
			write(w, reply{code: 401, body: bskyProto.errBody(401)})
			return
		}
		var in struct {
			Repo, Collection, Rkey string
			Record                 json.RawMessage
		}
		if json.NewDecoder(r.Body).Decode(&in) != nil || in.Rkey == "" || len(in.Record) == 0 {
			write(w, jsonReply(400, map[string]string{"error": "InvalidRequest", "message": "Input must have the properties repo, collection, rkey and record"}))
			return
		}
		b.serveCreate(w, r, bskyProto, func() reply { return b.create(in.Collection, in.Rkey, in.Record) })
	case "com.atproto.repo.getRecord":
		if !b.authorized(r) {
			write(w, reply{code: 401, body: bskyProto.errBody(401)})
			return
		}
		rkey := r.URL.Query().Get("rkey")
		b.mu.Lock()
		rec, ok := b.records[rkey]
		uri := b.uris[rkey]
		b.mu.Unlock()
		if !ok {
			write(w, jsonReply(400, map[string]string{"error": "RecordNotFound", "message": "Could not locate record: " + rkey}))
			return
		}
		write(w, jsonReply(200, map[string]any{"uri": uri, "cid": "bafyreifaultnet" + rkey, "value": rec}))
	default:
		write(w, jsonReply(501, map[string]string{"error": "MethodNotImplemented", "message": "Method Not Implemented"}))
	}
}

func (b *Bluesky) session(handle string) map[string]string {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.issued++
	access, refresh := fmt.Sprintf("fake-access-jwt-%d", b.issued), fmt.Sprintf("fake-refresh-jwt-%d", b.issued)
	b.tokens[access], b.tokens[refresh] = true, true
	return map[string]string{"accessJwt": access, "refreshJwt": refresh, "handle": handle, "did": b.DID}
}

func (b *Bluesky) authorized(r *http.Request) bool {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	b.mu.Lock()
	defer b.mu.Unlock()
	return ok && b.tokens[tok]
}

func (b *Bluesky) create(collection, rkey string, record json.RawMessage) reply {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, taken := b.records[rkey]; taken {
		return jsonReply(500, map[string]string{"error": "InternalServerError", "message": "Internal Server Error"})
	}
	var rec struct {
		Text string `json:"text"`
	}
	_ = json.Unmarshal(record, &rec)
	uri := "at://" + b.DID + "/" + collection + "/" + rkey
	b.records[rkey], b.uris[rkey] = record, uri
	b.record(Created{Key: rkey, Text: rec.Text, ID: uri, At: b.now()})
	return jsonReply(200, map[string]string{"uri": uri, "cid": "bafyreifaultnet" + rkey})
}

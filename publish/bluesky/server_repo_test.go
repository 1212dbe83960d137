package bluesky

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/hookline/hookline/teaser/fit"
)

// fakeCID makes a CID-shaped string from data (raw codec, sha-256), as the
// PDS names blobs and records.
func fakeCID(data []byte) string {
	sum := sha256.Sum256(data)
	return "bafkrei" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:]))
}

func (f *fakePDS) uploadBlob(w http.ResponseWriter, r *http.Request, body []byte) {
	ctype := r.Header.Get("Content-Type")
	f.mustPost(r, "")
	if !strings.HasPrefix(ctype, "image/") {
		f.t.Errorf("uploadBlob: Content-Type %q, want an image type", ctype)
	}
	if len(body) == 0 || len(body) > MaxThumbBytes {
		f.t.Errorf("uploadBlob: %d bytes, want 1 to %d", len(body), MaxThumbBytes)
	}
	cid := fakeCID(body)
	f.blobs[cid] = body
	f.answer(w, "com.atproto.repo.uploadBlob", map[string]any{"blob": map[string]any{
		"$type": "blob", "ref": map[string]string{"$link": cid}, "mimeType": ctype, "size": len(body),
	}})
}

func (f *fakePDS) createRecord(w http.ResponseWriter, r *http.Request, body []byte) {
	const nsid = "com.atproto.repo.createRecord"
	f.mustPost(r, "application/json")
	f.valid(f.lex.Input(nsid, body), nsid+" input", body)
	var in struct {
		Repo, Collection, Rkey string
		Record                 json.RawMessage
	}
	if err := json.Unmarshal(body, &in); err != nil {
		f.fail(w, reply{status: 400, name: "InvalidRequest", message: err.Error()})
		return
	}
	if in.Repo != f.did && in.Repo != f.handle {
		f.fail(w, reply{status: 400, name: "InvalidRequest", message: "Invalid repo"})
		return
	}
	if in.Collection != Collection || !validTID(in.Rkey) {
		f.t.Errorf("createRecord: collection %q rkey %q, want %s and a TID", in.Collection, in.Rkey, Collection)
	}
	f.valid(f.lex.Record(Collection, in.Record), "the post record", in.Record)
	f.checkRecord(in.Record)
	if _, taken := f.records[in.Rkey]; taken {
		f.fail(w, f.dupReply)
		return
	}
	f.records[in.Rkey] = in.Record
	f.answer(w, nsid, map[string]any{
		// The reference PDS adds "commit" (com.atproto.repo.defs#commitMeta),
		// whose lexicon is not among the shared specs; Hookline ignores it.
		"uri": "at://" + f.did + "/" + Collection + "/" + in.Rkey, "cid": fakeCID(in.Record),
		"validationStatus": "valid",
	})
}

// checkRecord checks what the lexicon cannot: facets on UTF-8 boundaries
// covering what they claim, and thumbnails that were uploaded.
func (f *fakePDS) checkRecord(raw json.RawMessage) {
	var rec Record
	json.Unmarshal(raw, &rec)
	for _, fc := range rec.Facets {
		s, e := fc.Index.ByteStart, fc.Index.ByteEnd
		if s < 0 || e > len(rec.Text) || s >= e || !utf8.RuneStart(rec.Text[s]) || (e < len(rec.Text) && !utf8.RuneStart(rec.Text[e])) {
			f.t.Errorf("facet %d-%d is not a UTF-8 slice of the %d-byte text", s, e, len(rec.Text))
			continue
		}
		span, ft := rec.Text[s:e], fc.Features[0]
		if (ft.Type == FeatureTag && span != "#"+ft.Tag) || (ft.Type == FeatureLink && span != ft.URI) {
			f.t.Errorf("facet %d-%d covers %q, not its %s %q%q", s, e, span, ft.Type, ft.Tag, ft.URI)
		}
	}
	if rec.Embed != nil && rec.Embed.External.Thumb != nil {
		var blob struct {
			Ref struct {
				Link string `json:"$link"`
			} `json:"ref"`
		}
		json.Unmarshal(rec.Embed.External.Thumb, &blob)
		if _, ok := f.blobs[blob.Ref.Link]; !ok {
			f.t.Errorf("thumb %s was never uploaded", rec.Embed.External.Thumb)
		}
	}
	if rules := fit.Bluesky(); !rules.Fits(rec.Text) {
		f.t.Errorf("a post over Bluesky's limits reached the server: %d graphemes", rules.Count(rec.Text))
	}
}

func (f *fakePDS) getRecord(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		f.t.Errorf("getRecord: method %s, want GET", r.Method)
	}
	q := r.URL.Query()
	if repo := q.Get("repo"); repo != f.did && repo != f.handle || q.Get("collection") != Collection {
		f.t.Errorf("getRecord: query %v", q)
	}
	rec, ok := f.records[q.Get("rkey")]
	if !ok {
		f.fail(w, reply{status: 400, name: "RecordNotFound", message: "Could not locate record"})
		return
	}
	f.answer(w, "", map[string]any{
		"uri": "at://" + f.did + "/" + Collection + "/" + q.Get("rkey"), "cid": fakeCID(rec), "value": rec,
	})
}

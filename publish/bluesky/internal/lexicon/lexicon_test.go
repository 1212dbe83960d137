package lexicon

import (
	"strings"
	"testing"
)

const lexicons = "../../../../../shared/specs/atproto-lexicons"

func setup(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load(lexicons)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoad(t *testing.T) {
	c := setup(t)
	for _, id := range []string{"app.bsky.feed.post", "app.bsky.richtext.facet", "app.bsky.embed.external", "com.atproto.repo.createRecord", "com.atproto.server.createSession"} {
		if _, err := c.lookup(id, ""); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load of an empty folder: no error")
	}
}

const okPost = `{"$type":"app.bsky.feed.post","text":"héllo #Go https://x.io","createdAt":"2024-05-06T07:08:09.123Z",
 "langs":["en-US"],
 "facets":[{"index":{"byteStart":7,"byteEnd":10},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"Go"}]},
           {"index":{"byteStart":11,"byteEnd":25},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://x.io"}]}],
 "embed":{"$type":"app.bsky.embed.external","external":{"uri":"https://x.io","title":"T","description":"D",
   "thumb":{"$type":"blob","ref":{"$link":"bafkreib2rxk3rh6kzwq"},"mimeType":"image/png","size":1234}}}}`

func TestCatalog_Record(t *testing.T) {
	c := setup(t)
	tests := []struct {
		name    string
		old     string // replaced in okPost by new
		new     string
		wantErr string // empty: valid
	}{
		{"valid", "", "", ""},
		{"text over 300 graphemes", `"héllo #Go https://x.io"`, `"` + strings.Repeat("é", 301) + `"`, "301 graphemes, over maxGraphemes 300"},
		{"text over 3000 bytes", `"héllo #Go https://x.io"`, `"` + strings.Repeat("😀", 751) + `"`, "3004 UTF-8 bytes, over maxLength 3000"},
		{"missing createdAt", `,"createdAt":"2024-05-06T07:08:09.123Z"`, ``, `required field "createdAt" is missing`},
		{"datetime without zone", `2024-05-06T07:08:09.123Z`, `2024-05-06T07:08:09`, "not a valid datetime"},
		{"bad language", `"en-US"`, `"english!"`, "not a valid language"},
		{"too many langs", `["en-US"]`, `["en","de","fr","it"]`, "4 items, over maxLength 3"},
		{"misspelled field", `"langs"`, `"lang"`, `field "lang" is not in the schema`},
		{"facet feature without $type", `{"$type":"app.bsky.richtext.facet#tag","tag":"Go"}`, `{"tag":"Go"}`, "a union member needs $type"},
		{"facet feature of unknown type", `app.bsky.richtext.facet#tag`, `app.bsky.richtext.facet#hashtag`, "is not one of the union's refs"},
		{"negative byte offset", `"byteStart":7`, `"byteStart":-1`, "-1 is under minimum 0"},
		{"offset as string", `"byteStart":7`, `"byteStart":"7"`, "want an integer"},
		{"link facet not a uri", `"uri":"https://x.io"}]}]`, `"uri":"x.io"}]}]`, "not a valid uri"},
		{"card without description", `,"description":"D"`, ``, `required field "description" is missing`},
		{"thumb too big", `"size":1234`, `"size":1000001`, "over maxSize 1000000"},
		{"thumb not an image", `"image/png"`, `"text/html"`, "is not accepted"},
		{"embed of unknown type", `"$type":"app.bsky.embed.external"`, `"$type":"app.bsky.embed.link"`, "is not one of the union's refs"},
		{"text not a string", `"héllo #Go https://x.io"`, `42`, "want a string, got a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := okPost
			if tt.old != "" {
				if !strings.Contains(doc, tt.old) {
					t.Fatalf("%q is not in the test record", tt.old)
				}
				doc = strings.Replace(doc, tt.old, tt.new, 1)
			}
			err := c.Record("app.bsky.feed.post", []byte(doc))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestCatalog_Input(t *testing.T) {
	c := setup(t)
	tests := []struct {
		name, nsid, body, wantErr string
	}{
		{"createRecord", "com.atproto.repo.createRecord", `{"repo":"did:plc:abc123","collection":"app.bsky.feed.post","rkey":"3kabcdefghij2","record":` + okPost + `}`, ""},
		{"createRecord bad repo", "com.atproto.repo.createRecord", `{"repo":"not a repo","collection":"app.bsky.feed.post","record":` + okPost + `}`, "not a valid at-identifier"},
		{"createRecord checks the record", "com.atproto.repo.createRecord", `{"repo":"alice.test","collection":"app.bsky.feed.post","record":{"$type":"app.bsky.feed.post","text":"x"}}`, `$.record: required field "createdAt" is missing`},
		{"createRecord bad rkey", "com.atproto.repo.createRecord", `{"repo":"alice.test","collection":"app.bsky.feed.post","rkey":"a/b","record":` + okPost + `}`, "not a valid record-key"},
		{"createSession", "com.atproto.server.createSession", `{"identifier":"alice.test","password":"p"}`, ""},
		{"createSession without password", "com.atproto.server.createSession", `{"identifier":"alice.test"}`, `required field "password" is missing`},
		{"not JSON", "com.atproto.server.createSession", `{`, "not JSON"},
		{"not a procedure", "app.bsky.feed.post", `{}`, "has no input schema"},
		{"not loaded", "com.example.nothing", `{}`, "not loaded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.Input(tt.nsid, []byte(tt.body))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestCatalog_Output(t *testing.T) {
	c := setup(t)
	if err := c.Output("com.atproto.server.createSession", []byte(`{"accessJwt":"a","refreshJwt":"r","handle":"alice.test","did":"did:plc:abc"}`)); err != nil {
		t.Error(err)
	}
	if err := c.Output("com.atproto.server.createSession", []byte(`{"accessJwt":"a","refreshJwt":"r","handle":"alice","did":"did:plc:abc"}`)); err == nil || !strings.Contains(err.Error(), "not a valid handle") {
		t.Errorf("handle without a dot: %v", err)
	}
}

func FuzzCheckFormat(f *testing.F) {
	for _, s := range []string{"2024-01-02T03:04:05Z", "https://x.io/a?b", "en-US", "did:plc:abc", "alice.test", "at://did:plc:a/app.bsky.feed.post/3k"} {
		f.Add(s)
	}
	formats := []string{"datetime", "uri", "language", "did", "handle", "at-identifier", "nsid", "record-key", "tid", "cid", "at-uri"}
	f.Fuzz(func(t *testing.T, s string) {
		for _, format := range formats {
			_ = checkFormat(format, s) // must not panic
		}
	})
}

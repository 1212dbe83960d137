// Package lexicon validates JSON values against atproto Lexicon schemas,
// for the subset Hookline's Bluesky records and XRPC calls use: objects
// with required fields, strings (maxLength in UTF-8 bytes, maxGraphemes,
// formats), integers, booleans, arrays, refs, $type unions, blobs, unknown
// values holding typed records, records, and procedures' input and output.
// It exists for the contract tests of package bluesky.
package lexicon

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Def is one definition of a lexicon: a node of its schema tree. Fields
// not used by a type are zero.
type Def struct {
	Type         string          `json:"type"`
	Required     []string        `json:"required"`
	Nullable     []string        `json:"nullable"`
	Properties   map[string]*Def `json:"properties"`
	Items        *Def            `json:"items"`
	Ref          string          `json:"ref"`
	Refs         []string        `json:"refs"`
	Closed       bool            `json:"closed"`
	Record       *Def            `json:"record"`
	Input        *Body           `json:"input"`
	Output       *Body           `json:"output"`
	Format       string          `json:"format"`
	MaxLength    *int            `json:"maxLength"`
	MinLength    *int            `json:"minLength"`
	MaxGraphemes *int            `json:"maxGraphemes"`
	MinGraphemes *int            `json:"minGraphemes"`
	Minimum      *int64          `json:"minimum"`
	Maximum      *int64          `json:"maximum"`
	Enum         []any           `json:"enum"`
	Const        any             `json:"const"`
	Accept       []string        `json:"accept"`
	MaxSize      *int64          `json:"maxSize"`
}

// Body is a procedure's input or output.
type Body struct {
	Encoding string `json:"encoding"`
	Schema   *Def   `json:"schema"`
}

type document struct {
	Lexicon int             `json:"lexicon"`
	ID      string          `json:"id"`
	Defs    map[string]*Def `json:"defs"`
}

// Catalog holds loaded lexicons by NSID.
type Catalog struct {
	docs map[string]*document
	// Strict makes properties that an object's schema does not declare an
	// error (atproto allows them for forward compatibility; Hookline's own
	// records should have none, so the tests catch misspelled fields).
	Strict bool
}

// Load reads every *.json lexicon under dir.
func Load(dir string) (*Catalog, error) {
	c := &Catalog{docs: map[string]*document{}, Strict: true}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc document
		if err := json.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if doc.Lexicon != 1 || doc.ID == "" {
			return fmt.Errorf("%s: not a lexicon (lexicon %d, id %q)", path, doc.Lexicon, doc.ID)
		}
		c.docs[doc.ID] = &doc
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("lexicon: load %s: %w", dir, err)
	}
	if len(c.docs) == 0 {
		return nil, fmt.Errorf("lexicon: no lexicons under %s", dir)
	}
	return c, nil
}

// IDs returns the loaded lexicons' NSIDs, sorted.
func (c *Catalog) IDs() []string {
	ids := make([]string, 0, len(c.docs))
	for id := range c.docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Record validates a record (with its $type) against the record lexicon nsid.
func (c *Catalog) Record(nsid string, data []byte) error {
	return c.validate(nsid, data, func(d *Def) (*Def, error) {
		if d.Type != "record" {
			return nil, fmt.Errorf("%s is a %s, not a record", nsid, d.Type)
		}
		return d, nil
	})
}

// Input validates a procedure's JSON input against the lexicon nsid.
func (c *Catalog) Input(nsid string, data []byte) error {
	return c.validate(nsid, data, func(d *Def) (*Def, error) {
		if d.Input == nil || d.Input.Schema == nil {
			return nil, fmt.Errorf("%s has no input schema", nsid)
		}
		return d.Input.Schema, nil
	})
}

// Output validates a query's or procedure's JSON output against nsid.
func (c *Catalog) Output(nsid string, data []byte) error {
	return c.validate(nsid, data, func(d *Def) (*Def, error) {
		if d.Output == nil || d.Output.Schema == nil {
			return nil, fmt.Errorf("%s has no output schema", nsid)
		}
		return d.Output.Schema, nil
	})
}

func (c *Catalog) validate(nsid string, data []byte, pick func(*Def) (*Def, error)) error {
	main, err := c.lookup(nsid, "")
	if err != nil {
		return err
	}
	def, err := pick(main)
	if err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("%s: not JSON: %w", nsid, err)
	}
	var errs []error
	(&walker{c: c, errs: &errs}).value(nsid, "$", def, v)
	return errors.Join(errs...)
}

// lookup resolves a ref: "nsid", "nsid#name", or "#name" within base.
func (c *Catalog) lookup(ref, base string) (*Def, error) {
	nsid, name, _ := strings.Cut(ref, "#")
	if nsid == "" {
		nsid = base
	}
	if name == "" {
		name = "main"
	}
	doc, ok := c.docs[nsid]
	if !ok {
		return nil, fmt.Errorf("lexicon %s is not loaded", nsid)
	}
	d, ok := doc.Defs[name]
	if !ok {
		return nil, fmt.Errorf("lexicon %s has no def %q", nsid, name)
	}
	return d, nil
}

// fullRef returns ref with its NSID: "#link" in base → "base#link", and
// "nsid#main" → "nsid".
func fullRef(ref, base string) string {
	if strings.HasPrefix(ref, "#") {
		ref = base + ref
	}
	return strings.TrimSuffix(ref, "#main")
}

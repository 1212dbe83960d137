package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fillEveryField sets every field of the struct v points to a value of
// its own that is not zero.
func fillEveryField(t *testing.T, v any) {
	t.Helper()
	rv := reflect.ValueOf(v).Elem()
	for i := range rv.NumField() {
		f, name := rv.Field(i), rv.Type().Field(i).Name
		switch f.Interface().(type) {
		case string:
			f.SetString(name + " value")
		case []string:
			f.Set(reflect.ValueOf([]string{name + " 1", name + " 2"}))
		case time.Time:
			f.Set(reflect.ValueOf(time.Date(2025, 3, 14, 9, i, 0, 0, time.UTC)))
		case bool:
			f.SetBool(true)
		case int:
			f.SetInt(int64(i + 1))
		default:
			t.Fatalf("%s.%s: no value for %s", rv.Type(), name, f.Type())
		}
	}
}

// sameFields fails unless every field of old has a field of the same name
// and value in got.
func sameFields(t *testing.T, old, got any) {
	t.Helper()
	ov, gv := reflect.ValueOf(old), reflect.Indirect(reflect.ValueOf(got))
	for i := range ov.NumField() {
		name := ov.Type().Field(i).Name
		g := gv.FieldByName(name)
		if !g.IsValid() {
			t.Errorf("%s.%s: no field %s in %s", ov.Type(), name, name, gv.Type())
			continue
		}
		if !reflect.DeepEqual(g.Interface(), ov.Field(i).Interface()) {
			t.Errorf("%s.%s = %v after migrating, want %v", ov.Type(), name, g.Interface(), ov.Field(i).Interface())
		}
	}
}

// writeSchema creates a state file at schema version with mode 0600, its
// rows written by fill in the same transaction.
func writeSchema(t *testing.T, path string, version int, fill func(tx *sql.Tx)) {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, m := range migrations[:version] {
		if err := m(ctx, tx); err != nil {
			t.Fatal(err)
		}
	}
	fill(tx)
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
}

// writeV2 creates a state file at schema 2 holding one article and one
// post, given as their stored JSON.
func writeV2(t *testing.T, path, articleID, articleData, account, postData string) {
	t.Helper()
	writeSchema(t, path, 2, func(tx *sql.Tx) {
		at := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC).UnixNano()
		if _, err := tx.Exec(`INSERT INTO articles (id, source, hash, first_seen, updated_at, data) VALUES (?, 'blog', 'h', ?, ?, ?)`,
			articleID, at, at, articleData); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO posts (article_id, account, state, attempts, idempotency_key, article_hash, post, owner,
			claimed_at, created_at, updated_at) VALUES (?, ?, 'posting', 1, 'k', 'h', ?, '2147483647:gone', ?, ?, ?)`,
			articleID, account, postData, at, at, at); err != nil {
			t.Fatal(err)
		}
	})
}

// Every field of the old format, set, comes out of the migration with its
// value: none is silently dropped.
func TestMigrate3_KeepsEveryOldField(t *testing.T) {
	ctx := context.Background()
	var a articleV2
	fillEveryField(t, &a)
	var p postV2
	fillEveryField(t, &p)
	p.ArticleID = a.ID
	ad, _ := json.Marshal(a)
	pd, _ := json.Marshal(p)
	path := filepath.Join(t.TempDir(), "hookline.db")
	writeV2(t, path, a.ID, string(ad), p.Account, string(pd))

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameFields(t, a, got)
	rec, err := s.Post(ctx, p.ArticleID, p.Account)
	if err != nil {
		t.Fatal(err)
	}
	sameFields(t, p, rec.Post)
}

// Run again on rows it has migrated, the step changes nothing.
func TestMigrate3_Idempotent(t *testing.T) {
	ctx := context.Background()
	s := openFixture(t)
	dump := func() string {
		var out string
		err := s.DB().QueryRow(`SELECT (SELECT group_concat(data, '|') FROM articles) || (SELECT group_concat(post, '|') FROM posts)`).Scan(&out)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := dump()
	if err := s.tx(ctx, "migrate again", func(tx *sql.Tx) error { return migrate3(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
	if after := dump(); after != before {
		t.Errorf("second run changed the rows:\n%s\n%s", before, after)
	}
}

// An old row with a key the old format did not have stops the migration,
// leaving the file at schema 2 with the row as it was, rather than dropping
// the key.
func TestMigrate3_UnknownKeyFails(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name, article, post string
	}{
		{"article", `{"ID":"a","Title":"T","Subtitle":"kept nowhere"}`, `{"ArticleID":"a","Account":"box"}`},
		{"post", `{"ID":"a","Title":"T"}`, `{"ArticleID":"a","Account":"box","Thread":["kept nowhere"]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hookline.db")
			writeV2(t, path, "a", tt.article, "box", tt.post)
			if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "unknown field") {
				t.Fatalf("open: %v; want an unknown field", err)
			}
			db, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var v int
			var data string
			if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != 2 {
				t.Errorf("version = %d, %v; want 2", v, err)
			}
			if err := db.QueryRow("SELECT data || post FROM articles JOIN posts ON article_id = articles.id").Scan(&data); err != nil ||
				data != tt.article+tt.post {
				t.Errorf("rows = %q, %v", data, err)
			}
		})
	}
}

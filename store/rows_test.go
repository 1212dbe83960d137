package store

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/hookline/hookline/article"
)

// Every field of an article is stored: one added to article.Article and
// not to articleRow fails here instead of being dropped.
func TestArticleRow_KeepsEveryField(t *testing.T) {
	var a article.Article
	fillEveryField(t, &a)
	data, err := encodeArticle(&a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeArticle(a.ID, data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, &a) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, a)
	}
}

// The stored formats name each field explicitly, in snake_case, so that a
// Go rename changes nothing stored.
func TestRows_ExplicitTags(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`)
	for _, v := range []any{articleRow{}, Post{}} {
		rt := reflect.TypeOf(v)
		seen := map[string]bool{}
		for i := range rt.NumField() {
			f := rt.Field(i)
			tag := f.Tag.Get("json")
			if !snake.MatchString(tag) || seen[tag] {
				t.Errorf("%s.%s: json tag %q; want a snake_case name of its own, no options", rt, f.Name, tag)
			}
			seen[tag] = true
		}
	}
}

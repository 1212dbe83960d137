package faults_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/hookline/hookline/source"
)

// FuzzFeedItem parses arbitrary feed documents and turns every item into
// an article: no panic, valid UTF-8 out, and only http(s) links kept.
func FuzzFeedItem(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Bridge reopens</title><link>https://news.example/a</link><description>The bridge reopened.</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Caf` + "\xe9" + `</title><link href="javascript:alert(1)"/><content type="html">&lt;p&gt;Hi &lt;a href="file:///etc/passwd"&gt;x&lt;/a&gt;&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"file:///etc/passwd","title":"X","content_html":"<div><div><p>Deep</p></div></div>","image":"javascript:x"}]}`))
	f.Add([]byte(`<rss><channel><item><title><![CDATA[<b>bold</b> & more]]></title><link> https://news.example/b </link><category>a</category><category>A</category></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			a, err := source.ItemArticle("fuzz", feed, it)
			if err != nil {
				continue
			}
			for _, s := range append([]string{a.Title, a.URL, a.Image, a.ID}, a.Paragraphs...) {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 out: %q", s)
				}
			}
			for _, link := range []string{a.URL, a.Image} {
				if link != "" && !strings.HasPrefix(link, "http://") && !strings.HasPrefix(link, "https://") {
					t.Fatalf("non-http link kept: %q", link)
				}
			}
			if a.ID == "" {
				t.Fatal("article without an id")
			}
		}
	})
}

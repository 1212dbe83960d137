package teaser

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hookline/hookline/teaser/fit"
)

func TestZZDump(t *testing.T) {
	out := os.Getenv("DUMP")
	if out == "" {
		t.Skip()
	}
	_, arts := xsumArticles(t)
	var b strings.Builder
	for i, a := range arts {
		for v := 0; v <= Variants; v++ {
			res, err := Compose(a, Options{Variant: v})
			fmt.Fprintf(&b, "%d/%d err=%v\n%s\n%q %q\n", i, v, err, res.Teaser.String(), res.Keyphrases, res.Hashtags)
			if err != nil {
				continue
			}
			for _, r := range []fit.Rules{fit.X(), fit.Mastodon(0, 0), fit.Bluesky()} {
				p, err := res.Post(r, "https://example.org/x", 3)
				fmt.Fprintf(&b, "%v %q %d\n", err, p.Text, p.Length)
			}
		}
	}
	os.WriteFile(out, []byte(b.String()), 0o644)
}

package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/teaser/lint"
)

// newArticle builds an article from a title and paragraphs.
func newArticle(title string, paras ...string) *article.Article {
	a := &article.Article{Title: title, Paragraphs: paras}
	a.Finish()
	return a
}

type lintCase struct {
	name string
	a    *article.Article // nil: the default article below
	post string
	tags []string
	want bool // a finding of the code under test
}

// defaultArticle is a plain news story the cases that need no source of
// their own are checked against.
var defaultArticle = newArticle("Council votes to close library",
	"The city council voted on Monday to close the library in the town centre.",
	"Residents said the responsibility for the decision lay with the council. The council said it had no choice.",
	"European funding for the building ended last year, and the council said its budget was illegal to exceed.")

// runCases checks that each case has, or has not, a finding of code.
func runCases(t *testing.T, code string, cases []lintCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := c.a
			if a == nil {
				a = defaultArticle
			}
			fs := lint.Check(a, c.post, c.tags)
			got := slices.ContainsFunc(fs, func(f lint.Finding) bool { return f.Code == code })
			if got != c.want {
				t.Errorf("Check(%q): %s found = %v, want %v; findings: %v", c.post, code, got, c.want, fs)
			}
		})
	}
}

func TestCheck_questions(t *testing.T) {
	runCases(t, lint.QOdd, []lintCase{
		{name: "demonym", post: "What's next for European?", want: true},
		{name: "bare common noun", post: "What does this mean for the responsibility?", want: true},
		{name: "adjective", post: "What's next for illegal?", want: true},
		{name: "time word", post: "Heard the latest on Monday?", want: true},
		{name: "initials broken", post: "What's next for the U.S?", want: true},
		{name: "abbreviation broken", post: "Heard the latest on Dr?", want: true},
		{name: "name", post: "What's next for the UK?"},
		{name: "stakeholder", post: "What does this mean for the residents?"},
		{name: "institution", post: "Where does this leave the council?"},
		{name: "a people", post: "Have you been following the French?"},
		{name: "plural", post: "What does this mean for libraries?"},
		{name: "no anchor", post: "What do you think?"},
		{name: "guess who", post: "Guess who is heading to the library?"},
		{name: "here", post: "Where does this go from here?"},
		{name: "initials kept", post: "What's next for the U.S.?"},
	})
}

func TestCheck_repeat(t *testing.T) {
	kim := newArticle("Kim Jong Un visits Beijing",
		"Kim Jong Un is heading to Beijing for talks with Xi Jinping, officials said.",
		"Kim was pleased with the visit.")
	runCases(t, lint.Repeat, []lintCase{
		{name: "hook subject next", a: kim, post: "Why is everyone talking about Kim Jong Un? Kim Jong Un is heading to Beijing.", want: true},
		{name: "common hook subject next", post: "Have you been following the library? The library will close.", want: true},
		{name: "surname after name", a: kim, post: "Kim Jong Un is heading to Beijing. Officials said Kim was pleased.", want: true},
		{name: "name twice", a: kim, post: "Xi Jinping met Kim Jong Un in Beijing. What's next for Xi Jinping?", want: true},
		{name: "answered hook", a: kim, post: "Guess who is heading to Beijing? It's Kim Jong Un, officials said."},
		{name: "two names", a: kim, post: "Kim Jong Un is heading to Beijing for talks with Xi Jinping."},
		{name: "a demonym twice", a: kim, post: "Kim Jong Un met Chinese officials and the Chinese president in Beijing."},
	})
}

func TestCheck_ref(t *testing.T) {
	runCases(t, lint.Ref, []lintCase{
		{name: "pronoun first", post: "He said the plan would go ahead.", want: true},
		{name: "the club after a question", post: "Heard the latest? The club said it would appeal.", want: true},
		{name: "answer", post: "Why now? To answer that, the council voted on Monday.", want: true},
		{name: "connective first", post: "However, the vote was delayed.", want: true},
		{name: "that day", post: "That day the library closed.", want: true},
		{name: "it first", post: "It was a long night for the crew.", want: true},
		{name: "the club after a name", post: "Arsenal lost on Monday. The club said it would appeal."},
		{name: "cleft answer", post: "Guess who won? It's Arsenal."},
		{name: "this year", post: "This year the festival moves to June."},
		{name: "pronoun after name", post: "Maria Lopez won the race. She said it was her best day."},
		{name: "instead of", post: "Instead of closing, the library will open at night."},
		{name: "definite description", post: "The decision to close the library was taken on Monday."},
	})
}

func TestCheck_attribution(t *testing.T) {
	police := newArticle("Man held", "Police said the man was arrested after a chase through the town centre.")
	minister := newArticle("Prices", "Prices will fall sharply across the country next year, the minister claimed on Monday.")
	inside := newArticle("Prices", "Prices, the minister claimed, will fall sharply across the country next year.")
	factory := newArticle("Factory", "The old factory closed its doors in March and its owner said he would sell the land.")
	headline := newArticle("Harbin ferry trade grows by a fifth", "The Harbin ferry trade grew by a fifth last year, its owners said on Monday.")
	runCases(t, lint.Mislead, []lintCase{
		{name: "leading said dropped", a: police, post: "The man was arrested after a chase through the town centre.", want: true},
		{name: "trailing claimed dropped", a: minister, post: "Prices will fall sharply across the country next year.", want: true},
		{name: "inner claimed dropped", a: inside, post: "Prices will fall sharply across the country next year.", want: true},
		{name: "kept", a: police, post: "Police said the man was arrested after a chase through the town centre."},
		{name: "another clause's", a: factory, post: "The old factory closed its doors in March."},
		{name: "question", a: police, post: "Was the man arrested after a chase through the town centre?"},
		{name: "not from the article", a: police, post: "The festival opens its doors in June with music."},
		{name: "the headline", a: headline, post: "Harbin ferry trade grows by a fifth."},
	})
}

func TestCheck_frag(t *testing.T) {
	runCases(t, lint.Frag, []lintCase{
		{name: "unbalanced quote", post: `He said "we will win.`, want: true},
		{name: "unbalanced curly quote", post: "He said “we will win.", want: true},
		{name: "unbalanced bracket", post: "The plan (approved on Monday was dropped.", want: true},
		{name: "stray comma", post: "The vote was delayed, .", want: true},
		{name: "space before full stop", post: "The vote was delayed .", want: true},
		{name: "lower-case start", post: "Heard the news? look set to be the stars.", want: true},
		{name: "a title the article quotes", a: newArticle("Band returns", "The band had hits like What Time Is It? in the late 1980s."),
			post: "The band had hits like What Time Is It? in the late 1980s."},
		{name: "subordinate alone", post: "While the team has been a hit.", want: true},
		{name: "no verb", post: "On day two of the long hearing in the city.", want: true},
		{name: "no end", post: "The council voted to close the", want: true},
		{name: "cut", post: "The council voted to close the library…", want: true},
		{name: "sentence", post: "The council voted to close the library on Monday."},
		{name: "quote", post: `"We will win," she said.`},
		{name: "subordinate with main clause", post: "While the team has been a hit, the film has not."},
		{name: "plural subject and base verb", post: "Flames shoot up from the old refinery."},
		{name: "short", post: "Big day."},
		{name: "hashtag line", post: "The council voted.\n#Library #Council", tags: []string{}},
	})
}

func TestCheck_date(t *testing.T) {
	runCases(t, lint.Date, []lintCase{
		{name: "yesterday and a weekday", post: "The match was played yesterday and resumes on Saturday.", want: true},
		{name: "that day next to today", post: "The library closed that day. It opens again today.", want: true},
		{name: "last week and tomorrow", post: "The deal signed last week starts tomorrow.", want: true},
		{name: "yesterday alone", post: "The match was played yesterday."},
		{name: "weekday alone", post: "The match resumes on Saturday."},
		{name: "far apart", post: "The match was played yesterday. Fans were pleased. It resumes on Saturday."},
	})
}

func TestCheck_tone(t *testing.T) {
	crash := newArticle("Three killed in motorway crash", "Three people died when a lorry hit two cars on the motorway.")
	court := newArticle("Man in court", "A man appeared in court charged with fraud.")
	fair := newArticle("Fair opens", "The summer fair opens on Saturday with rides and music.")
	runCases(t, lint.Tone, []lintCase{
		{name: "teasing hook on deaths", a: crash, post: "Heard the latest on the motorway? Three people died when a lorry hit two cars.", want: true},
		{name: "exclamation on deaths", a: crash, post: "Three people died when a lorry hit two cars!", want: true},
		{name: "playful on a court case", a: court, post: "Guess who is in court? A man charged with fraud.", want: true},
		{name: "sober on deaths", a: crash, post: "Three people died when a lorry hit two cars on the motorway."},
		{name: "playful on a fair", a: fair, post: "Guess what opens on Saturday? The summer fair!"},
	})
}

func TestCheck_tags(t *testing.T) {
	a := newArticle("Obama's plan for schools",
		"Barack Obama's plan for schools was announced on Monday in Chicago.",
		"The plan aims to help schools, and Canadian officials said an illegal cut was avoided.")
	post := "Barack Obama announced a plan for schools."
	for _, c := range []struct {
		tags  []string
		class string // "" for none
	}{
		{[]string{"#BarackObama", "#Chicago"}, ""},
		{[]string{"#Plan"}, "a single common word"},
		{[]string{"#Illegal"}, "an adjective"},
		{[]string{"#Canadian"}, "a demonym"},
		{[]string{"#Monday"}, "a time word"},
		{[]string{"#2024"}, "all digits"},
		{[]string{"#3Schools"}, "a number and a word"},
		{[]string{"#ObamasPlan"}, "a possessive merged into a name"},
		{[]string{"#BarackObama", "#Chicago", "#Chicagos"}, "the singular or plural of an earlier tag"},
		{[]string{"#Toronto"}, "not in the article"},
	} {
		t.Run(strings.Join(c.tags, " "), func(t *testing.T) {
			var got []string
			for _, f := range lint.Check(a, post, c.tags) {
				if f.Code == lint.Tag {
					got = append(got, f.Detail)
				}
			}
			switch {
			case c.class == "" && len(got) > 0:
				t.Errorf("findings %v, want none", got)
			case c.class != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.class+":")):
				t.Errorf("findings %v, want one of class %q", got, c.class)
			}
		})
	}
}

func TestCheck_tagsFromPost(t *testing.T) {
	fs := lint.Check(defaultArticle, "The city council voted to close the library.\n\nhttps://example.com/a\n#Toronto", nil)
	if len(fs) != 1 || fs[0].Code != lint.Tag {
		t.Errorf("findings %v, want one TAG from the post's hashtag line", fs)
	}
}

func TestCheck_nilArticle(t *testing.T) {
	fs := lint.Check(nil, `He said "so.`, []string{"#2024"})
	var codes []string
	for _, f := range fs {
		codes = append(codes, f.Code)
	}
	for _, want := range []string{lint.Ref, lint.Frag, lint.Tag} {
		if !slices.Contains(codes, want) {
			t.Errorf("codes %v, want %s among them", codes, want)
		}
	}
}

func TestCheck_otherLanguage(t *testing.T) {
	a := newArticle("Die Bibliothek schließt", "Der Rat hat am Montag beschlossen, die Bibliothek zu schließen.")
	a.Lang = "de"
	fs := lint.Check(a, "Die Bibliothek schließt. Er sagte es.", []string{"#Bibliothek"})
	if len(fs) != 0 {
		t.Errorf("findings %v, want none: no German words, and the tag is in the article", fs)
	}
}

func BenchmarkCheck(b *testing.B) {
	post := "Heard the latest on the library? The city council voted on Monday to close the library in the town centre.\n#Library #Council"
	b.ReportAllocs()
	for b.Loop() {
		lint.Check(defaultArticle, post, nil)
	}
}

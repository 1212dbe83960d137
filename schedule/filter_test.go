package schedule

import (
	"testing"

	"github.com/hookline/hookline/article"
	"github.com/hookline/hookline/config"
)

func TestPasses(t *testing.T) {
	a := &article.Article{
		Title:      "Night train returns to the valley",
		Paragraphs: []string{"The rail operator restores the sleeper service in May.", "Fares start at 39 euros."},
		Keywords:   []string{"Transport"},
	}
	tests := []struct {
		name             string
		include, exclude []string
		want             bool
	}{
		{"no filters", nil, nil, true},
		{"include a title word, any case", []string{"NIGHT"}, nil, true},
		{"include a body word", []string{"sleeper"}, nil, true},
		{"include a keyword", []string{"transport"}, nil, true},
		{"include a phrase", []string{"night train"}, nil, true},
		{"include a phrase out of order", []string{"train night"}, nil, false},
		{"whole words only", []string{"rai"}, nil, false},
		{"any include", []string{"football", "rail"}, nil, true},
		{"no include matches", []string{"football"}, nil, false},
		{"exclude", nil, []string{"fares"}, false},
		{"exclude wins over include", []string{"rail"}, []string{"euros"}, false},
		{"exclude not there", nil, []string{"strike"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.Schedule{Include: tt.include, Exclude: tt.exclude}
			if got := passes(c, a); got != tt.want {
				t.Errorf("passes = %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkPasses(b *testing.B) {
	a := &article.Article{Title: "Night train returns", Paragraphs: []string{"The rail operator restores the sleeper service in May."}}
	c := config.Schedule{Include: []string{"sleeper service"}, Exclude: []string{"strike"}}
	b.ReportAllocs()
	for b.Loop() {
		passes(c, a)
	}
}

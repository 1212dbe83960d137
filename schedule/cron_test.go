package schedule

import (
	"testing"
	"time"
)

func TestCron_DaylightSaving(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	london, _ := time.LoadLocation("Europe/London")
	const layout = "01-02 15:04 MST"
	tests := []struct {
		name string
		spec string
		loc  *time.Location
		from time.Time
		want []string
	}{
		// Spring forward: 02:00-03:00 does not exist on 10 March in New York;
		// a daily 02:30 does not fire that day (robfig/cron's behaviour).
		{"spring forward skips a time that does not exist", "30 2 * * *", ny,
			time.Date(2024, 3, 9, 12, 0, 0, 0, ny), []string{"03-11 02:30 EDT", "03-12 02:30 EDT"}},
		// Fall back: 01:00-02:00 happens twice on 3 November; a daily 01:30
		// fires once, at the first.
		{"fall back fires a repeated time once", "30 1 * * *", ny,
			time.Date(2024, 11, 2, 12, 0, 0, 0, ny), []string{"11-03 01:30 EDT", "11-04 01:30 EST"}},
		// An hourly schedule ("*" hours) follows elapsed time: both 01:00s.
		{"hourly keeps both passes of the repeated hour", "0 * * * *", ny,
			time.Date(2024, 11, 3, 0, 30, 0, 0, ny), []string{"11-03 01:00 EDT", "11-03 01:00 EST", "11-03 02:00 EST"}},
		{"hourly over spring forward", "0 * * * *", ny,
			time.Date(2024, 3, 10, 0, 30, 0, 0, ny), []string{"03-10 01:00 EST", "03-10 03:00 EDT"}},
		{"london fall back", "30 1 * * *", london,
			time.Date(2024, 10, 26, 12, 0, 0, 0, london), []string{"10-27 01:30 BST", "10-28 01:30 GMT"}},
		{"london spring forward", "30 1 * * *", london,
			time.Date(2024, 3, 30, 12, 0, 0, 0, london), []string{"04-01 01:30 BST"}},
		{"every is elapsed time", "@every 90m", time.UTC,
			time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), []string{"01-01 01:30 UTC", "01-01 03:00 UTC"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Cron(tt.spec, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			got := NextN(s, tt.from, len(tt.want))
			for i, w := range tt.want {
				if i >= len(got) || got[i].Format(layout) != w {
					t.Fatalf("fires %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestCron_Errors(t *testing.T) {
	for _, spec := range []string{"", "* * * *", "@sometimes", "TZ=UTC * * * * *"} {
		if _, err := Cron(spec, time.UTC); err == nil {
			t.Errorf("%q: no error", spec)
		}
	}
}

func TestCron_ZoneFromInput(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	s, _ := Cron("0 9 * * *", paris)
	got := s.Next(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if want := time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("09:00 Paris = %v, want %v", got.UTC(), want)
	}
}

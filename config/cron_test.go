package config_test

import (
	"testing"
	"time"

	"github.com/hookline/hookline/config"
)

func TestParseCron(t *testing.T) {
	from := time.Date(2025, 3, 10, 8, 59, 0, 0, time.UTC)
	tests := []struct {
		spec string
		next time.Time
		err  string
	}{
		{spec: "0 9 * * *", next: time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)},
		{spec: "*/2 * * * *", next: time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)},
		{spec: "@daily", next: time.Date(2025, 3, 11, 0, 0, 0, 0, time.UTC)},
		{spec: "@every 2h", next: from.Add(2 * time.Hour)},
		{spec: "0 9 * *", err: "expected 5 fields, got 4 (minute hour day-of-month month day-of-week)"},
		{spec: "0 0 9 * * *", err: "expected 5 fields, got 6 (minute hour day-of-month month day-of-week)"},
		{spec: "", err: `required (5 fields such as "0 9 * * *", or @daily, @every 2h)`},
		{spec: "TZ=UTC 0 9 * * *", err: `"TZ=UTC 0 9 * * *": set the schedule's timezone key instead of a TZ= prefix`},
		{spec: "@every soon", err: `"@every soon": failed to parse duration @every soon: time: invalid duration "soon"`},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			s, err := config.ParseCron(tt.spec)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Errorf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Next(from); !got.Equal(tt.next) {
				t.Errorf("Next = %v, want %v", got, tt.next)
			}
		})
	}
}

func TestWindow_Contains(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2025, 1, 1, h, m, 0, 0, time.UTC) }
	tests := []struct {
		window string
		t      time.Time
		want   bool
	}{
		{"22:00-07:00", at(23, 0), true},
		{"22:00-07:00", at(3, 0), true},
		{"22:00-07:00", at(22, 0), true},
		{"22:00-07:00", at(7, 0), false},
		{"22:00-07:00", at(12, 0), false},
		{"12:30-13:30", at(12, 45), true},
		{"12:30-13:30", at(13, 30), false},
		{"", at(3, 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.window+"@"+tt.t.Format("15:04"), func(t *testing.T) {
			w, err := config.ParseWindow(tt.window)
			if err != nil {
				t.Fatal(err)
			}
			if got := w.Contains(tt.t); got != tt.want {
				t.Errorf("Contains = %v, want %v", got, tt.want)
			}
		})
	}
	for _, bad := range []string{"22-07", "25:00-07:00", "07:00-07:00", "ab:cd-07:00", "7:0-8:00"} {
		if _, err := config.ParseWindow(bad); err == nil {
			t.Errorf("ParseWindow(%q) succeeded", bad)
		}
	}
}

func TestSchedule_Location(t *testing.T) {
	paris, err := config.Schedule{Timezone: "Europe/Paris"}.Location("UTC")
	if err != nil || paris.String() != "Europe/Paris" {
		t.Errorf("own timezone: %v %v", paris, err)
	}
	utc, err := config.Schedule{}.Location("UTC")
	if err != nil || utc.String() != "UTC" {
		t.Errorf("config timezone: %v %v", utc, err)
	}
}

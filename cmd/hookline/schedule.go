package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hookline/hookline/schedule"
)

func newScheduleCmd(g *globals) *cobra.Command {
	var (
		format string
		count  int
		from   string
	)
	cmd := &cobra.Command{
		Use:   "schedule",
		Short: "Show each schedule's next fire times in its time zone",
		Long: `Schedule lists each schedule of config.yaml with its next fire times (five
by default), in the schedule's time zone, and its quiet hours, jitter and
catch-up. Fires inside quiet hours are listed, marked "(quiet: skipped)".
--from starts the listing at another time (RFC 3339), e.g. to see what
a daylight-saving change does.`,
		Example: `  hookline schedule
  hookline schedule --format json
  hookline schedule --count 10 --from 2025-03-30T00:00:00Z`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			if count < 1 {
				return flagError("count", count, "a number of 1 or more")
			}
			start := time.Now()
			if from != "" {
				t, err := time.Parse(time.RFC3339, from)
				if err != nil {
					return flagError("from", from, "an RFC 3339 time, such as 2025-03-30T00:00:00Z")
				}
				start = t
			}
			cfg, _, _, err := loadConfigLax(g)
			if err != nil {
				return err
			}
			jobs, err := schedule.Jobs(cfg)
			if err != nil {
				return err
			}
			if format == "json" {
				return printScheduleJSON(cmd.OutOrStdout(), jobs, start, count)
			}
			printSchedule(cmd.OutOrStdout(), jobs, start, count)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().IntVar(&count, "count", 5, "how many fire times to list per schedule")
	cmd.Flags().StringVar(&from, "from", "", "list fires after this time (RFC 3339) instead of now")
	return cmd
}

func printSchedule(w io.Writer, jobs []*schedule.Job, start time.Time, n int) {
	if len(jobs) == 0 {
		fmt.Fprintln(w, "no schedules in config")
		return
	}
	for i, j := range jobs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		c := j.Config
		extra := []string{"timezone " + j.Location.String()}
		if c.Quiet != "" {
			extra = append(extra, "quiet "+c.Quiet)
		}
		if c.Jitter > 0 {
			extra = append(extra, "jitter "+c.Jitter.String())
		}
		extra = append(extra, "catch_up "+c.CatchUp)
		fmt.Fprintf(w, "%s  %q  (%s)\n", c.Name, c.Cron, strings.Join(extra, ", "))
		times := schedule.NextN(j.Schedule, start, n)
		layout := "Mon 2006-01-02 15:04 MST"
		if slices.ContainsFunc(times, func(t time.Time) bool { return t.Second() != 0 }) {
			layout = "Mon 2006-01-02 15:04:05 MST" // a sub-minute schedule
		}
		for _, t := range times {
			note := ""
			if j.Quiet.Contains(t) {
				note = "  (quiet: skipped)"
			}
			fmt.Fprintf(w, "  %s%s\n", t.Format(layout), note)
		}
	}
}

type scheduleJSON struct {
	Name     string      `json:"name"`
	Cron     string      `json:"cron"`
	Timezone string      `json:"timezone"`
	Quiet    string      `json:"quiet,omitempty"`
	Jitter   string      `json:"jitter,omitempty"`
	CatchUp  string      `json:"catch_up"`
	Next     []time.Time `json:"next"`
	Quieted  []bool      `json:"quiet_skipped"`
}

// printScheduleJSON prints one object a line per schedule, as every JSON
// output of hookline does.
func printScheduleJSON(w io.Writer, jobs []*schedule.Job, start time.Time, n int) error {
	enc := json.NewEncoder(w)
	for _, j := range jobs {
		c := j.Config
		s := scheduleJSON{Name: c.Name, Cron: c.Cron, Timezone: j.Location.String(), Quiet: c.Quiet, CatchUp: c.CatchUp}
		if c.Jitter > 0 {
			s.Jitter = c.Jitter.String()
		}
		for _, t := range schedule.NextN(j.Schedule, start, n) {
			s.Next = append(s.Next, t)
			s.Quieted = append(s.Quieted, j.Quiet.Contains(t))
		}
		if err := enc.Encode(s); err != nil {
			return fmt.Errorf("schedule: write: %w", err)
		}
	}
	return nil
}

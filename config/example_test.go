package config_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

func ExampleParse() {
	yaml := []byte(`
networks:
  - {name: masto, kind: mastodon, server: https://m.example, access_token: '${TOKEN}'}
schedules:
  - {name: morning, cron: "0 9 * * *", networks: [masto], crn: x}
`)
	c, warns, err := config.Parse("config.yaml", yaml, []string{"TOKEN=s3cret"}, networks.CheckAccount)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := c.Account("masto")
	fmt.Println(a.AccessToken, a.Server, c.Schedules[0].PerRun)
	fmt.Println(warns[0])
	// Output:
	// [redacted] https://m.example 1
	// schedules[0].crn: unknown key; did you mean cron?
}

func ExampleParse_invalid() {
	_, _, err := config.Parse("config.yaml", []byte("schedules: [{name: a, cron: '0 9 * *', networks: [x]}]"), nil, networks.CheckAccount)
	fmt.Println(errors.Is(err, config.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// config.yaml: schedules[0].cron: expected 5 fields, got 4 (minute hour day-of-month month day-of-week)
	// config.yaml: schedules[0].networks[0]: no account named "x" in networks (none are defined)
}

func ExampleWindow_Contains() {
	quiet, _ := config.ParseWindow("22:00-07:00")
	fmt.Println(quiet.Contains(time.Date(2025, 1, 1, 23, 30, 0, 0, time.UTC)))
	fmt.Println(quiet.Contains(time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)))
	// Output:
	// true
	// false
}

package config_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hookline/hookline/config"
	"github.com/hookline/hookline/publish/networks"
)

// The review keys: review on a schedule (default auto) and an account,
// auto_approve_after, and reshare_after in days.
func TestParse_ReviewKeys(t *testing.T) {
	yaml := `
networks:
  - {name: out, kind: outbox, review: auto}
schedules:
  - {name: a, cron: "@daily", review: approve, auto_approve_after: 2h, reshare_after: 30d}
  - {name: b, cron: "@daily"}
`
	c, warns, err := config.Parse("c.yaml", []byte(yaml), nil, networks.CheckAccount)
	if err != nil || len(warns) > 0 {
		t.Fatalf("Parse: %v, warnings %v", err, warns)
	}
	a, b := c.Schedules[0], c.Schedules[1]
	if a.Review != config.ReviewApprove || a.AutoApproveAfter != 2*time.Hour || a.ReshareAfter != 30*24*time.Hour {
		t.Errorf("schedule a: %+v", a)
	}
	if b.Review != config.ReviewAuto || b.ReshareAfter != 0 || c.Networks[0].Review != config.ReviewAuto {
		t.Errorf("schedule b %+v, account %+v", b, c.Networks[0])
	}
	for _, tt := range []struct{ yaml, want string }{
		{`schedules: [{name: a, cron: "@daily", review: manual}]`, `c.yaml: schedules[0].review: "manual" is not one of auto, approve`},
		{`networks: [{name: o, kind: outbox, review: later}]`, `c.yaml: networks[0].review: "later" is not one of auto, approve`},
		{`schedules: [{name: a, cron: "@daily", reshare_after: 30days}]`, `c.yaml: schedules[0].reshare_after: "30days" is not a duration`},
	} {
		_, _, err := config.Parse("c.yaml", []byte(tt.yaml), nil, networks.CheckAccount)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v; want %q", tt.yaml, err, tt.want)
		}
	}
}

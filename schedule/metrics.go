package schedule

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/store"
)

// Metrics holds the daemon's Prometheus metrics on a private registry.
// Labels carry only names from config.yaml (schedules, sources, accounts),
// never a secret or an error message.
type Metrics struct {
	// Registry is what /metrics serves.
	Registry *prometheus.Registry

	posts     *prometheus.CounterVec
	fires     *prometheus.CounterVec
	polls     *prometheus.CounterVec
	nextFire  *prometheus.GaugeVec
	lastRun   *prometheus.GaugeVec
	lastError *prometheus.GaugeVec
	errors    *prometheus.CounterVec
	ready     prometheus.Gauge
}

// NewMetrics registers the daemon's metrics, with the Go runtime and
// process collectors, on a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		posts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hookline_posts_total",
			Help: "Posts by account and outcome (posted, failed, skipped)."}, []string{"account", "outcome"}),
		fires: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hookline_fires_total",
			Help: "Schedule fires by outcome (ran, quiet_hours, overlap)."}, []string{"schedule", "outcome"}),
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hookline_source_polls_total",
			Help: "Source polls by outcome (ok, error)."}, []string{"source", "outcome"}),
		nextFire: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "hookline_schedule_next_run_timestamp_seconds",
			Help: "When each schedule fires next, in Unix seconds (before jitter)."}, []string{"schedule"}),
		lastRun: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "hookline_schedule_last_run_timestamp_seconds",
			Help: "When each schedule last ran, in Unix seconds."}, []string{"schedule"}),
		lastError: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "hookline_last_error_timestamp_seconds",
			Help: "When the last error happened, in Unix seconds, by where: account, source or schedule; the message is in the logs."},
			[]string{"scope", "name"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hookline_errors_total",
			Help: "Errors by where: account, source or schedule."}, []string{"scope", "name"}),
		ready: prometheus.NewGauge(prometheus.GaugeOpts{Name: "hookline_ready",
			Help: "1 once the state is open and the first fire times are computed."}),
	}
	m.Registry.MustRegister(m.posts, m.fires, m.polls, m.nextFire, m.lastRun, m.lastError, m.errors, m.ready,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *Metrics) setReady(ok bool) {
	if ok {
		m.ready.Set(1)
	} else {
		m.ready.Set(0)
	}
}

func (m *Metrics) nextRun(schedule string, t time.Time) {
	m.nextFire.WithLabelValues(schedule).Set(float64(t.Unix()))
}

func (m *Metrics) failure(scope, name string) {
	m.lastError.WithLabelValues(scope, name).SetToCurrentTime()
	m.errors.WithLabelValues(scope, name).Inc()
}

func (m *Metrics) fired(r FireReport) {
	switch r.Skipped {
	case "":
		m.fires.WithLabelValues(r.Schedule, "ran").Inc()
		m.lastRun.WithLabelValues(r.Schedule).Set(float64(r.Started.Unix()))
	case "quiet hours":
		m.fires.WithLabelValues(r.Schedule, "quiet_hours").Inc()
	default:
		m.fires.WithLabelValues(r.Schedule, "overlap").Inc()
	}
	if len(r.Errors) > 0 {
		m.failure("schedule", r.Schedule)
	}
	m.delivered(r.Results)
}

func (m *Metrics) delivered(rs []deliver.Result) {
	for _, r := range rs {
		if r.Account == "" {
			continue // a resume pass that could not list its posts
		}
		outcome := "posted"
		switch {
		case r.Err != nil:
			outcome = "failed"
			m.failure("account", r.Account)
		case r.Skipped:
			outcome = "skipped"
		case r.State != store.Posted:
			outcome = string(r.State)
		}
		m.posts.WithLabelValues(r.Account, outcome).Inc()
	}
}

func (m *Metrics) polled(source string, err error) {
	if err != nil {
		m.polls.WithLabelValues(source, "error").Inc()
		m.failure("source", source)
		return
	}
	m.polls.WithLabelValues(source, "ok").Inc()
}

// errNotReady is /readyz's answer before the first fire times are known.
var errNotReady = errors.New("not ready")

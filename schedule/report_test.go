package schedule

import (
	"errors"
	"testing"

	"github.com/hookline/hookline/deliver"
	"github.com/hookline/hookline/store"
)

func TestFireReport_Failed(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name string
		rep  FireReport
		want int
	}{
		{"nothing", FireReport{}, 0},
		{"posted only", FireReport{Results: []deliver.Result{{State: store.Posted}}}, 0},
		{"a failed post", FireReport{Results: []deliver.Result{{State: store.Posted}, {Err: boom}}}, 1},
		{"prepare errors and failed posts", FireReport{Errors: []error{boom}, Results: []deliver.Result{{Err: boom}, {Err: boom}}}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.rep.Failed(); got != tt.want {
				t.Errorf("Failed = %d, want %d", got, tt.want)
			}
		})
	}
}

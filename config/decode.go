package config

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
)

var durationType = reflect.TypeFor[time.Duration]()

// decodeHook converts durations and refuses a mapping where a list is
// expected, which weak typing would otherwise wrap into a one-entry list.
var decodeHook = mapstructure.ComposeDecodeHookFunc(durationHook, shapeHook)

func shapeHook(from, to reflect.Type, data any) (any, error) {
	if to.Kind() == reflect.Slice && from.Kind() == reflect.Map {
		return nil, fmt.Errorf("expected a list, got a mapping (start each entry with \"- \")")
	}
	return data, nil
}

// parseDuration is time.ParseDuration with days too: "3d", "1d12h". A day
// is 24 hours.
func parseDuration(s string) (time.Duration, error) {
	days, rest, ok := strings.Cut(s, "d")
	if !ok {
		return time.ParseDuration(s)
	}
	n, err := strconv.ParseUint(days, 10, 16)
	if err != nil {
		return 0, fmt.Errorf("%q: days must be a whole number", s)
	}
	d := time.Duration(n) * 24 * time.Hour
	if rest != "" {
		r, err := time.ParseDuration(rest)
		if err != nil || r < 0 {
			return 0, fmt.Errorf("%q: not a duration", s)
		}
		d += r
	}
	return d, nil
}

// durationHook reads durations written as "30s", "15m", "2h" or "3d". A bare
// number other than 0 is refused: "poll: 60" is more likely 60 seconds than
// 60 nanoseconds, so the user has to say which.
func durationHook(from, to reflect.Type, data any) (any, error) {
	if to != durationType {
		return data, nil
	}
	switch v := data.(type) {
	case string:
		if v == "" || v == "0" {
			return time.Duration(0), nil
		}
		d, err := parseDuration(v)
		if err != nil {
			return nil, fmt.Errorf("%q is not a duration; write it as 30s, 15m, 2h or 3d", v)
		}
		return d, nil
	case int, int64, uint64, float64:
		if fmt.Sprint(v) == "0" {
			return time.Duration(0), nil
		}
		return nil, fmt.Errorf("%v has no unit; write it as %vs, %vm or %vh", v, v, v, v)
	}
	return data, nil
}

// decodeProblems turns mapstructure's joined errors into one FieldError per
// key, in words a config author reads.
func decodeProblems(err error) []error {
	var out []error
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range e.Unwrap() {
				walk(e)
			}
		case *mapstructure.DecodeError:
			var nested *mapstructure.DecodeError
			if inner := e.Unwrap(); errors.As(inner, &nested) {
				walk(inner)
			} else {
				out = append(out, &FieldError{Key: e.Name(), Msg: decodeMessage(inner)})
			}
		default:
			if inner := errors.Unwrap(err); inner != nil {
				walk(inner)
			} else {
				out = append(out, &FieldError{Msg: err.Error()})
			}
		}
	}
	walk(err)
	return out
}

func decodeMessage(err error) string {
	var ut *mapstructure.UnconvertibleTypeError
	if errors.As(err, &ut) {
		return fmt.Sprintf("expected %s, got %s", typeWords(ut.Expected.Type()), valueWords(ut.Value))
	}
	var pe *mapstructure.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("expected %s, got %s", typeWords(pe.Expected.Type()), valueWords(pe.Value))
	}
	return err.Error()
}

// typeWords names a Go type the way config.yaml's author thinks of it.
func typeWords(t reflect.Type) string {
	switch {
	case t == durationType:
		return "a duration such as 30s or 2h"
	case t.Kind() == reflect.String:
		return "text"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return "a whole number"
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return "a number"
	case t.Kind() == reflect.Slice:
		return "a list"
	case t.Kind() == reflect.Struct || t.Kind() == reflect.Map:
		return "a mapping of keys"
	}
	return t.String()
}

func valueWords(v any) string {
	switch v := v.(type) {
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	case string:
		return fmt.Sprintf("%q", v)
	case nil:
		return "nothing"
	}
	return fmt.Sprint(v)
}

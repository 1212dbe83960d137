package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"
)

// Embedded names the built-in default config in messages.
const Embedded = "(embedded)"

// Resolve picks the config file: the --config flag, else $HOOKLINE_CONFIG,
// else ./config.yaml when it exists. "" means the embedded default.
func Resolve(flag string, env []string) string {
	if flag != "" {
		return flag
	}
	if p := envMap(env)["HOOKLINE_CONFIG"]; p != "" {
		return p
	}
	if _, err := os.Stat("config.yaml"); err == nil {
		return "config.yaml"
	}
	return ""
}

// Load reads the config file at path (or defaultYAML when path is ""),
// expands ${VAR} from env, applies HOOKLINE_ overrides from env, fills
// defaults and validates. env is a list of KEY=VALUE lines, as from
// os.Environ.
//
// Problems with the content come back together as one *Error (errors.Is
// ErrInvalid); a file that cannot be read, is not a regular file or is
// larger than MaxFileSize is an error naming the file. Warnings (unknown
// keys with the likely typo, unmatched overrides, a file with secrets that
// others can read) never stop the load.
//
// check validates what config does not know: the keys of each account's
// network kind (publish/networks.CheckAccount, the registry of kinds). With
// nil, an account's kind and kind-specific keys are not checked.
func Load(path string, defaultYAML []byte, env []string, check AccountCheck) (*Config, []Warning, error) {
	c, warns, _, err := load(path, defaultYAML, env, check, false)
	return c, warns, err
}

// AccountCheck validates one account as its network kind reads it: the
// kind exists and its keys are set as it needs. written are the keys the
// account's entry sets (in the file or through HOOKLINE_ overrides), before
// defaults. Problems are *FieldError and warnings are keyed relative to the
// account ("access_token"); Load prefixes them with "networks[i].".
//
// identity is who the account posts as, the same for every entry that
// names one real account and never a secret; Load refuses two entries with
// the same one. "" when the kind cannot tell; such an entry is not
// compared.
type AccountCheck func(a Account, written []string) (warns []Warning, identity string, err error)

// LoadLax is Load for the commands that do not post (preview, keywords,
// history, queue, schedule, config show): a secret whose ${VAR} is not set is left
// empty, and named in unset (one warning a key) instead of failing the load,
// along with the checks its account would fail without it. Any other unset
// variable is still an error. The commands that post use Load.
func LoadLax(path string, defaultYAML []byte, env []string, check AccountCheck) (c *Config, warns, unset []Warning, err error) {
	return load(path, defaultYAML, env, check, true)
}

// load is Load and LoadLax: the file (or the embedded default), parsed,
// and its permissions checked.
func load(path string, defaultYAML []byte, env []string, check AccountCheck, lax bool) (c *Config, warns, unset []Warning, err error) {
	name, data := Embedded, defaultYAML
	if path != "" {
		if data, err = readFile(path); err != nil {
			return nil, nil, nil, err
		}
		name = path
	}
	c, warns, unset, err = parse(name, data, env, check, lax)
	if path != "" && err == nil {
		warns = append(warns, checkPermissions(path, data)...)
	}
	return c, warns, unset, err
}

// Parse is Load for config bytes; name is used in messages.
func Parse(name string, data []byte, env []string, check AccountCheck) (*Config, []Warning, error) {
	c, warns, _, err := parse(name, data, env, check, false)
	return c, warns, err
}

// parse is Parse; lax leaves unset secrets empty (see LoadLax).
func parse(name string, data []byte, env []string, check AccountCheck, lax bool) (*Config, []Warning, []Warning, error) {
	raw, syntax := readYAML(data)
	if syntax != nil {
		return nil, nil, nil, &Error{File: name, Problems: syntax}
	}
	if len(raw) == 0 {
		// Defaults alone have no account and no schedule: applied by a
		// reload, an emptied file would silently stop all posting.
		return nil, nil, nil, &Error{File: name, Problems: []error{errEmpty}}
	}
	vars := envMap(env)
	var problems []error
	raw = expandAll(raw, "", vars, &problems).(map[string]any)
	var unset []Warning
	if lax {
		problems, unset = laxSecrets(problems)
	}
	warns := applyEnv(raw, vars)

	var c Config
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		DecodeHook:       decodeHook,
		WeaklyTypedInput: true,
		Result:           &c,
		TagName:          "mapstructure",
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("config: %w", err)
	}
	if err := dec.Decode(raw); err != nil {
		problems = append(problems, decodeProblems(err)...)
	}
	for _, key := range unknownKeys(raw, "") {
		msg := "unknown key"
		if s := suggest(key); s != "" {
			msg += "; did you mean " + s + "?"
		}
		if strings.ContainsFunc(key, unicode.IsControl) {
			key = strconv.Quote(key)
		}
		warns = append(warns, Warning{Key: key, Msg: msg})
	}
	c.WithDefaults()
	warns = append(warns, c.cleartextServers()...)
	seen := map[string]bool{}
	for _, p := range problems {
		var fe *FieldError
		var ue *UnsetError
		switch {
		case errors.As(p, &fe):
			seen[fe.Key] = true
		case errors.As(p, &ue):
			seen[ue.Key] = true
		}
	}
	for _, w := range unset {
		// An account is checked as a whole too ("networks[1]: needs
		// credentials"): what it lacks is said by the warning.
		seen[w.Key] = true
		seen[w.Key[:strings.LastIndexByte(w.Key, '.')]] = true
	}
	all := unjoin(c.Validate())
	if check != nil {
		identities := make([]string, len(c.Networks))
		for i, a := range c.Networks {
			key := fmt.Sprintf("networks[%d]", i)
			ws, id, err := check(a, writtenKeys(raw, i))
			identities[i] = id
			for _, w := range ws {
				w.Key = join(key, w.Key)
				if !slices.ContainsFunc(warns, func(o Warning) bool { return o.Key == w.Key }) {
					warns = append(warns, w) // an unknown key is warned about once
				}
			}
			for _, p := range unjoin(err) {
				if fe, ok := p.(*FieldError); ok {
					p = &FieldError{Key: join(key, fe.Key), Msg: fe.Msg}
				}
				all = append(all, p)
			}
		}
		all = append(all, sameAccount(c.Networks, identities)...)
	}
	for _, p := range all {
		var fe *FieldError
		if errors.As(p, &fe) && seen[fe.Key] {
			continue // already reported, e.g. an unset ${VAR} in a cron
		}
		problems = append(problems, p)
	}
	if len(problems) > 0 {
		return nil, warns, unset, &Error{File: name, Problems: problems}
	}
	return &c, warns, unset, nil
}

// sameAccount reports each entry of accts whose identity an earlier entry
// has: the two would post everything twice to one real account.
func sameAccount(accts []Account, identities []string) []error {
	var problems []error
	first := map[string]int{}
	for i, id := range identities {
		if id == "" {
			continue
		}
		j, ok := first[id]
		if !ok {
			first[id] = i
			continue
		}
		problems = append(problems, &FieldError{Key: fmt.Sprintf("networks[%d]", i), Msg: fmt.Sprintf(
			"%s posts as the same %s account as networks[%d] (%s), so both would post everything to it; keep one entry",
			accts[i].Name, accts[i].Kind, j, accts[j].Name)})
	}
	return problems
}

// laxSecrets takes the unset variables of secrets out of problems and
// returns them as warnings: the secret stays empty.
func laxSecrets(problems []error) (rest []error, unset []Warning) {
	for _, p := range problems {
		var ue *UnsetError
		if errors.As(p, &ue) && typeAt(ue.Key) == secretType && strings.Contains(ue.Key, ".") {
			unset = append(unset, Warning{Key: ue.Key, Msg: fmt.Sprintf(
				"${%s} is not set: left empty, so posting to this account fails until it is exported", ue.Var)})
			continue
		}
		rest = append(rest, p)
	}
	return rest, unset
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// readYAML parses config bytes through viper into a map with lower-case keys.
func readYAML(data []byte) (map[string]any, []error) {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		msg := strings.TrimPrefix(err.Error(), "While parsing config: ")
		var problems []error
		for _, m := range yamlLine.FindAllStringSubmatch(msg, -1) {
			problems = append(problems, &FieldError{Key: "line " + m[1], Msg: yamlMessage(m[2])})
		}
		if len(problems) == 0 {
			problems = append(problems, &FieldError{Msg: yamlMessage(strings.TrimPrefix(msg, "yaml: "))})
		}
		return nil, problems
	}
	return v.AllSettings(), nil
}

func yamlMessage(msg string) string {
	if !strings.Contains(msg, "into map[string]interface") {
		return msg
	}
	got := "a single value"
	switch {
	case strings.Contains(msg, "!!seq"):
		got = "a list"
	case strings.Contains(msg, "!!str"):
		got = "text"
	}
	return "the file must be a mapping of keys (state:, sources:, networks:, schedules:), not " + got
}

// unjoin lists the errors inside an errors.Join.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// Package plugin registers fifolint as a golangci-lint v2 module plugin
// named "fifolint".
//
// Build a golangci-lint binary that contains it with `golangci-lint custom`
// and a .custom-gcl.yml that lists this package as the plugin's import,
// then enable the linter in .golangci.yml:
//
//	linters:
//	  enable:
//	    - fifolint
//	  settings:
//	    custom:
//	      fifolint:
//	        type: module
//	        description: SQS/SNS FIFO producer bugs
//	        settings:
//	          enable: [groupid, dedupid, errswallow, fifoparams] # the default
//	          dedupid-clock: [example.com/app/ids.Uniqid]
//	          dedupid-entropy: [example.com/app/ids.Token]
//	          errswallow-strict: false
//
// golangci-lint knows the passes only as the linter "fifolint": its issues
// read "groupid: ..." and are suppressed with //nolint:fifolint, or per pass
// with fifolint's own //fifolint:ignore PASS reason. See
// docs/golangci-lint.md.
package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/origin"
	"github.com/fifolint/fifolint/passes/dedupid"
	"github.com/fifolint/fifolint/passes/errswallow"
	"github.com/fifolint/fifolint/passes/fifoparams"
	"github.com/fifolint/fifolint/passes/groupid"
)

// Name is the linter's name in golangci-lint: the key under
// linters.settings.custom, the name in linters.enable and in //nolint.
const Name = "fifolint"

func init() {
	register.Plugin(Name, New)
}

// passNames returns the names of fifolint's passes, in the order
// BuildAnalyzers returns them.
func passNames() []string { return []string{"groupid", "dedupid", "errswallow", "fifoparams"} }

// Settings is the plugin's configuration, from
// linters.settings.custom.fifolint.settings in .golangci.yml.
type Settings struct {
	// Enable lists the passes to run; nil (the key left out) means all.
	Enable []string `json:"enable"`
	// DedupidClock and DedupidEntropy are dedupid's -clock and -entropy
	// flags: functions ("pkgpath.Func" or "pkgpath.Type.Method") whose
	// result is derived from the clock, or random or unique.
	DedupidClock   []string `json:"dedupid-clock"`
	DedupidEntropy []string `json:"dedupid-entropy"`
	// ErrswallowStrict is errswallow's -strict flag.
	ErrswallowStrict bool `json:"errswallow-strict"`
}

// settingKeys returns the keys Settings accepts, for error messages.
func settingKeys() []string {
	t := reflect.TypeFor[Settings]()
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return keys
}

// Plugin is a configured fifolint linter.
type Plugin struct {
	settings Settings
	enabled  map[string]bool
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes and checks the settings golangci-lint passes (a map decoded
// from YAML, or nil without a settings key). It is the register.NewPlugin
// that init registers.
func New(settings any) (register.LinterPlugin, error) {
	s, err := decode(settings)
	if err != nil {
		return nil, err
	}
	passes := passNames()
	p := &Plugin{settings: s, enabled: make(map[string]bool)}
	if s.Enable == nil {
		for _, name := range passes {
			p.enabled[name] = true
		}
	}
	for i, name := range s.Enable {
		if !slices.Contains(passes, name) {
			return nil, fmt.Errorf("fifolint settings: enable[%d]: unknown pass %q (the passes are %s)", i, name, strings.Join(passes, ", "))
		}
		p.enabled[name] = true
	}
	if len(p.enabled) == 0 {
		return nil, fmt.Errorf("fifolint settings: enable is empty; list at least one of %s, or leave the key out to run all", strings.Join(passes, ", "))
	}
	// Check the function lists now, with the same parser the flags use,
	// so that a mistake is reported against its settings key.
	var scratch origin.Config
	if err := checkFuncs("dedupid-clock", s.DedupidClock, scratch.ClockFlag().Set); err != nil {
		return nil, err
	}
	if err := checkFuncs("dedupid-entropy", s.DedupidEntropy, scratch.EntropyFlag().Set); err != nil {
		return nil, err
	}
	return p, nil
}

// decode decodes the settings with register.DecodeSettings, which rejects
// unknown keys, and words its errors for a .golangci.yml author.
func decode(settings any) (Settings, error) {
	known := settingKeys()
	if m, ok := settings.(map[string]any); ok {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			// encoding/json matches keys case-insensitively.
			if !slices.ContainsFunc(known, func(key string) bool { return strings.EqualFold(k, key) }) {
				return Settings{}, fmt.Errorf("fifolint settings: unknown key %q (the keys are %s)", k, strings.Join(known, ", "))
			}
		}
	}
	s, err := register.DecodeSettings[Settings](settings)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return s, nil
	case errors.As(err, &typeErr) && typeErr.Field != "":
		want := "a list of strings"
		if typeErr.Type.Kind() == reflect.Bool {
			want = "true or false"
		}
		return Settings{}, fmt.Errorf("fifolint settings: %s: got a %s, want %s", typeErr.Field, typeErr.Value, want)
	default:
		// Settings that are not a map, or a key DecodeSettings rejects.
		return Settings{}, fmt.Errorf("fifolint settings: %v (the keys are %s)", err, strings.Join(known, ", "))
	}
}

func checkFuncs(key string, names []string, set func(string) error) error {
	for i, n := range names {
		if strings.Contains(n, ",") {
			return fmt.Errorf("fifolint settings: %s[%d]: %q: write one function per list item", key, i, n)
		}
		if strings.TrimSpace(n) == "" {
			return fmt.Errorf("fifolint settings: %s[%d]: empty function name", key, i)
		}
		if err := set(n); err != nil {
			return fmt.Errorf("fifolint settings: %s[%d]: %v", key, i, err)
		}
	}
	return nil
}

// BuildAnalyzers returns new analyzers for the enabled passes, configured
// through their flags. groupid and dedupid share one new origin analyzer,
// as they must: two origin analyzers in one run would declare the same fact
// types twice.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	cfg := new(origin.Config)
	orig := origin.New(cfg)

	// The dedupid-* settings configure the origin analyzer, which groupid
	// uses too: apply them through dedupid's flags when it runs, and
	// through the same flag values otherwise (as -dedupid.clock does in
	// the fifolint command with -dedupid=false).
	clock, entropy := cfg.ClockFlag().Set, cfg.EntropyFlag().Set

	var out []*analysis.Analyzer
	for _, name := range passNames() {
		if !p.enabled[name] {
			continue
		}
		switch name {
		case "groupid":
			out = append(out, groupid.New(orig))
		case "dedupid":
			a := dedupid.New(orig, cfg)
			clock = func(v string) error { return a.Flags.Set("clock", v) }
			entropy = func(v string) error { return a.Flags.Set("entropy", v) }
			out = append(out, a)
		case "errswallow":
			a := errswallow.New()
			if err := a.Flags.Set("strict", strconv.FormatBool(p.settings.ErrswallowStrict)); err != nil {
				return nil, fmt.Errorf("fifolint: errswallow-strict: %v", err)
			}
			out = append(out, a)
		case "fifoparams":
			out = append(out, fifoparams.New())
		}
	}
	if err := clock(strings.Join(p.settings.DedupidClock, ",")); err != nil {
		return nil, fmt.Errorf("fifolint: dedupid-clock: %v", err)
	}
	if err := entropy(strings.Join(p.settings.DedupidEntropy, ",")); err != nil {
		return nil, fmt.Errorf("fifolint: dedupid-entropy: %v", err)
	}
	return out, nil
}

// GetLoadMode reports that the passes need type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

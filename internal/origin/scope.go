package origin

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// A scope says how much of a package's analysis can matter to the
// packages that import it, decided before anything is built. Under go vet
// every dependency is analysed for facts (for a Kubernetes operator, over
// a thousand packages that never touch a FIFO id), so most packages must
// cost no more than this decision.
type scope uint8

const (
	// skipScope: no fact can come out of the package.
	skipScope scope = iota
	// helperScope: a third-party package that cannot set an id but calls
	// a clock, entropy or counter source. Only what an id generator
	// returns is exported: results that read the clock, carry entropy, or
	// are unique to the process (exported).
	helperScope
	// fullScope: a package of the user's own code, or one that can set an
	// id. Every fact is computed.
	fullScope
)

// scopeOf decides the scope of pass's package.
//
// Full: the user's own code (fifoapi.OwnCode) and packages that can set
// an id (mayHaveSinks). The rest is third-party code that cannot set an
// id, which standalone fifolint does not load from source unless it
// imports an SQS or SNS package: helper scope if it calls a clock,
// entropy or counter source, else skip. Dropping the other results of
// such code is safe: a call of a function without a fact is unknown, and
// unknown is never reported.
func scopeOf(pass *analysis.Pass, cfg *Config, mayHaveSinks bool) scope {
	if fifoapi.OwnCode(pass.Module) || mayHaveSinks {
		return fullScope
	}
	if usesIDSource(pass, cfg) {
		return helperScope
	}
	return skipScope
}

// usesIDSource reports whether the package refers to a function or
// variable of another package whose result reads the clock, carries
// entropy or counts (by the built-in models, the -dedupid.clock and
// -dedupid.entropy flags, or a ResultFact). It costs one pass over the
// identifiers the type checker resolved.
func usesIDSource(pass *analysis.Pass, cfg *Config) bool {
	var withFacts map[types.Object]bool
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(*ResultFact); ok {
			if withFacts == nil {
				withFacts = make(map[types.Object]bool)
			}
			withFacts[f.Object] = true
		}
	}
	for _, obj := range pass.TypesInfo.Uses {
		pkg := obj.Pkg()
		if pkg == nil || pkg == pass.Pkg {
			continue
		}
		fn, isFunc := obj.(*types.Func)
		if isFunc {
			obj = fn.Origin()
		}
		if withFacts[obj] {
			return true
		}
		if isFunc && cfg.isSourcePath(fifoapi.TrimVendor(pkg.Path())) {
			if m, ok := cfg.model(fn.Origin()); ok && m.how == source && m.kind != Fixed {
				return true
			}
		}
	}
	return false
}

// isSourcePath reports whether the package at path holds a clock,
// entropy or counter source, by the models or the configuration, so that
// most identifiers are dismissed by one map lookup.
func (c *Config) isSourcePath(path string) bool {
	if sourceModelPaths[path] {
		return true
	}
	if c != nil {
		for _, names := range [][]string{c.Clock, c.Entropy} {
			for _, n := range names {
				// By prefix: a path may have a dot in its last element (gopkg.in/yaml.v3).
				if rest, ok := strings.CutPrefix(n, path+"."); ok && !strings.Contains(rest, "/") {
					return true
				}
			}
		}
	}
	return false
}

// sourceModelPaths holds the packages of the models' clock, entropy and
// counter sources.
var sourceModelPaths = func() map[string]bool {
	paths := make(map[string]bool)
	for key, m := range models {
		if m.how == source && m.kind != Fixed {
			path, _ := splitModelKey(key)
			paths[path] = true
		}
	}
	return paths
}()

// splitModelKey splits a models or flag key ("pkgpath.Func",
// "pkgpath.Type.Method", "pkgpath.*" or "pkgpath.Type.*") into the package
// path and the rest, "*" for every function and the type's name for every
// method. It takes the package path to end at the first dot after the
// last slash, true of every key of the models table but not of every
// import path (gopkg.in/yaml.v3).
func splitModelKey(key string) (path, name string) {
	slash := strings.LastIndex(key, "/")
	dot := strings.Index(key[slash+1:], ".")
	if dot < 0 {
		return key, ""
	}
	path, name = key[:slash+1+dot], key[slash+1+dot+1:]
	if typ, rest, ok := strings.Cut(name, "."); ok && rest == "*" {
		name = typ // "every Type method"
	}
	return path, name
}

package driver

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// A program is what one standalone run analyses: the packages the user
// named, which are reported on, and the dependencies analysed from source
// for their facts only, so that a wrapper or helper outside the patterns is
// understood exactly as under go vet.
type program struct {
	named    []*packages.Package // the packages matching the patterns
	factOnly []*packages.Package // fact carriers among their dependencies
}

// analysed returns the packages to analyse: named, then factOnly.
func (p *program) analysed() []*packages.Package {
	return slices.Concat(p.named, p.factOnly)
}

// namedIDs returns the set of the IDs of the named packages.
func (p *program) namedIDs() map[string]bool {
	ids := make(map[string]bool, len(p.named))
	for _, pkg := range p.named {
		ids[pkg.ID] = true
	}
	return ids
}

// loadMode is what the driver needs of every package it analyses. Only the
// initial packages of a load get syntax and types from source; the others
// come from export data, and keep just their name, module and imports.
const loadMode = packages.LoadSyntax | packages.NeedModule

// loadProgram loads the packages matching patterns in dir, type-checked from
// source, and the dependencies that can carry a fifolint fact (see
// factCarriers), also from source. Every other dependency comes from export
// data: LoadSyntax, not LoadAllSyntax, is the whole point of this driver.
//
// The patterns are loaded first. Only when some dependency is a fact
// carrier are they loaded again, with the carriers' import paths added as
// patterns: go/packages then type-checks every package on a path from a
// root to a carrier from source too, so the types a root sees are the
// carriers' own and facts about their objects reach it. Running fifolint on
// a whole module (./...) usually finds no carrier outside the patterns and
// costs one load.
func loadProgram(dir string, patterns []string, tests bool) (*program, error) {
	named, err := load(dir, patterns, tests)
	if err != nil {
		return nil, err
	}
	carriers := factCarriers(named)
	if len(carriers) == 0 {
		return &program{named: named}, nil
	}

	// The second load's initial packages are the named ones (same IDs),
	// the carriers, and, with -test, the carriers' test variants, which
	// are loaded but not analysed.
	namedIDs := make(map[string]bool, len(named))
	for _, pkg := range named {
		namedIDs[pkg.ID] = true
	}
	isCarrier := make(map[string]bool, len(carriers))
	for _, path := range carriers {
		isCarrier[path] = true
	}
	all, err := load(dir, append(slices.Clip(patterns), carriers...), tests)
	if err != nil {
		return nil, err
	}
	prog := new(program)
	for _, pkg := range all {
		switch {
		case namedIDs[pkg.ID]:
			prog.named = append(prog.named, pkg)
		case isCarrier[pkg.ID]: // a carrier's ID is its path; its test variants' are not
			prog.factOnly = append(prog.factOnly, pkg)
		}
	}
	return prog, nil
}

// load runs packages.Load in loadMode, in dir ("" for the current
// directory).
func load(dir string, patterns []string, tests bool) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: loadMode, Dir: dir, Tests: tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return pkgs, err
}

// factCarriers returns the sorted import paths of the dependencies of
// roots, roots excluded, that can carry a fifolint fact about an object
// the roots use: the packages of a main module (the module, or every
// module of a go.work workspace), which hold the project's own wrappers
// and id helpers, and the packages that import an SQS or SNS package of
// either SDK or a messaging library whose metadata carries FIFO ids
// (fifoapi.IsLibraryPath), directly or through other packages, which hold
// shared queue libraries. std and the SDK are never carriers: fifolint describes them
// with built-in models (fifoapi.Modeled). Nor is any other third-party
// package; clock and entropy helpers there are covered by the built-in
// tables and the -dedupid.clock and -dedupid.entropy flags.
func factCarriers(roots []*packages.Package) []string {
	isRoot := make(map[string]bool, len(roots))
	for _, pkg := range roots {
		isRoot[pkg.ID] = true
	}
	sinks := make(map[string]bool) // by ID: imports a service or library package, maybe indirectly
	var importsSink func(pkg *packages.Package) bool
	importsSink = func(pkg *packages.Package) bool {
		if v, ok := sinks[pkg.ID]; ok {
			return v
		}
		sinks[pkg.ID] = false // the import graph is acyclic; this only guards bad input
		v := false
		for _, imp := range pkg.Imports {
			if fifoapi.IsServicePath(imp.PkgPath) || fifoapi.IsLibraryPath(imp.PkgPath) || importsSink(imp) {
				v = true
				break
			}
		}
		sinks[pkg.ID] = v
		return v
	}

	var paths []string
	for pkg := range packages.Postorder(roots) {
		// std has no module. ID != PkgPath: a test variant, which only
		// a root's tests import.
		if isRoot[pkg.ID] || pkg.Module == nil || pkg.ID != pkg.PkgPath || fifoapi.IsSDKPath(pkg.PkgPath) {
			continue
		}
		if pkg.Module.Main || importsSink(pkg) {
			paths = append(paths, pkg.PkgPath)
		}
	}
	slices.Sort(paths)
	return paths
}

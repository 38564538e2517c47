package driver

import (
	"sort"

	"golang.org/x/tools/go/packages"
)

// rootOnlyPackages returns shallow copies of the root packages whose
// Imports hold only (copies of) other roots.
//
// checker.Analyze runs a fact-using analyzer on every package reachable
// through Imports, and expects all of them to have syntax. Pruning the
// import graph down to the roots keeps the analysis on the packages the
// user named, while facts still flow from a root to the roots that import
// it. That works because go/packages type-checks a root that imports
// another root against the same *types.Package, so object facts keyed by
// types.Object match across them.
//
// A root may see another root only through a non-root package (for
// example "fifolint ./a ./c" where a imports b imports c, or an external
// test importing a test variant). Such a root is linked directly, so its
// facts still reach every root whose types can mention its objects.
func rootOnlyPackages(roots []*packages.Package) []*packages.Package {
	copies := make(map[string]*packages.Package, len(roots)) // by package ID
	for _, root := range roots {
		shallow := *root
		copies[root.ID] = &shallow
	}

	finder := &rootFinder{isRoot: copies, memo: make(map[string][]string)}
	result := make([]*packages.Package, len(roots))
	for i, root := range roots {
		shallow := copies[root.ID]
		shallow.Imports = make(map[string]*packages.Package)
		linked := make(map[string]bool) // root IDs already in shallow.Imports
		for _, path := range sortedKeys(root.Imports) {
			imp := root.Imports[path]
			if dep, ok := copies[imp.ID]; ok {
				shallow.Imports[path] = dep
				linked[imp.ID] = true
			}
		}
		for _, path := range sortedKeys(root.Imports) {
			imp := root.Imports[path]
			if _, ok := copies[imp.ID]; ok {
				continue
			}
			for _, id := range finder.rootsBehind(imp) {
				if !linked[id] {
					// Keyed by ID: there is no import path for an
					// indirect dependency, and checker.Analyze uses the
					// keys only to order its work.
					shallow.Imports[id] = copies[id]
					linked[id] = true
				}
			}
		}
		result[i] = shallow
	}
	return result
}

// A rootFinder finds the roots that a non-root package depends on
// through non-root packages only.
type rootFinder struct {
	isRoot map[string]*packages.Package // root copies by ID
	memo   map[string][]string          // non-root ID -> sorted root IDs behind it
}

// rootsBehind returns the sorted IDs of the roots reachable from the
// non-root pkg without passing through another root. Almost always
// empty: std and third-party packages do not import user packages.
func (f *rootFinder) rootsBehind(pkg *packages.Package) []string {
	if ids, ok := f.memo[pkg.ID]; ok {
		return ids
	}
	f.memo[pkg.ID] = nil // the import graph is acyclic; this only guards bad input
	set := make(map[string]bool)
	for _, imp := range pkg.Imports {
		if _, ok := f.isRoot[imp.ID]; ok {
			set[imp.ID] = true
			continue
		}
		for _, id := range f.rootsBehind(imp) {
			set[id] = true
		}
	}
	ids := sortedKeys(set)
	f.memo[pkg.ID] = ids
	return ids
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

package driver

import (
	"go/types"
	"os"
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

func TestRootOnlyPackages(t *testing.T) {
	// Roots: app, lib, util. app imports lib directly and util only
	// through the non-root wrap; everything imports fmt.
	fmtPkg := &packages.Package{ID: "fmt"}
	util := &packages.Package{ID: "m/util", Imports: map[string]*packages.Package{"fmt": fmtPkg}}
	wrap := &packages.Package{ID: "m/wrap", Imports: map[string]*packages.Package{"m/util": util, "fmt": fmtPkg}}
	lib := &packages.Package{ID: "m/lib", Imports: map[string]*packages.Package{"fmt": fmtPkg}}
	app := &packages.Package{ID: "m/app", Imports: map[string]*packages.Package{
		"m/lib": lib, "m/wrap": wrap, "fmt": fmtPkg,
	}}
	roots := []*packages.Package{app, lib, util}

	got := rootOnlyPackages(roots)

	if len(got) != 3 {
		t.Fatalf("got %d packages, want 3", len(got))
	}
	byID := make(map[string]*packages.Package)
	for i, pkg := range got {
		if pkg == roots[i] || pkg.ID != roots[i].ID {
			t.Errorf("package %d: want a copy of %s, got %p (%s)", i, roots[i].ID, pkg, pkg.ID)
		}
		byID[pkg.ID] = pkg
	}
	importIDs := func(pkg *packages.Package) []string {
		var ids []string
		for _, imp := range pkg.Imports {
			ids = append(ids, imp.ID)
		}
		slices.Sort(ids)
		return ids
	}
	if ids := importIDs(byID["m/app"]); !slices.Equal(ids, []string{"m/lib", "m/util"}) {
		t.Errorf("app imports %q, want m/lib and m/util", ids)
	}
	if byID["m/app"].Imports["m/lib"] != byID["m/lib"] {
		t.Error("app's import of m/lib is not the copy of lib")
	}
	if byID["m/app"].Imports["m/util"] != byID["m/util"] {
		t.Error("app's link to util (through wrap) is not the copy of util")
	}
	if ids := importIDs(byID["m/lib"]); len(ids) != 0 {
		t.Errorf("lib imports %q, want none", ids)
	}
	// The loaded graph is left alone.
	if len(app.Imports) != 3 || len(lib.Imports) != 1 {
		t.Error("rootOnlyPackages modified the original packages")
	}
}

// TestRootsShareTypes checks the property rootOnlyPackages relies on: with
// LoadSyntax, a root that imports another root, directly or through a
// non-root, sees that root's own *types.Package, so object facts keyed by
// types.Object match across roots.
func TestRootsShareTypes(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	load := func(patterns ...string) map[string]*packages.Package {
		cfg := &packages.Config{
			Mode:  packages.LoadSyntax | packages.NeedModule,
			Dir:   dir,
			Env:   append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOPROXY=off"),
			Tests: true,
		}
		roots, err := packages.Load(cfg, patterns...)
		if err != nil {
			t.Fatal(err)
		}
		byID := make(map[string]*packages.Package)
		for _, root := range roots {
			byID[root.ID] = root
		}
		return byID
	}

	// All three are roots: c imports b imports a.
	roots := load("./...")
	a, b, c := roots["example.com/facts/a"], roots["example.com/facts/b"], roots["example.com/facts/c"]
	if b.Imports["example.com/facts/a"].Types != a.Types || c.Imports["example.com/facts/b"].Types != b.Types {
		t.Error("a root's import of another root has a *types.Package of its own")
	}
	relay := b.Types.Scope().Lookup("Relay")
	if used := usedObject(c, "Relay"); used != relay {
		t.Errorf("c uses %v (%p), want b's own Relay (%p)", used, used, relay)
	}

	// Only a and c are roots; b, between them, is not.
	roots = load("./a", "./c")
	a, c = roots["example.com/facts/a"], roots["example.com/facts/c"]
	nonRootB := c.Imports["example.com/facts/b"]
	if !slices.Contains(nonRootB.Types.Imports(), a.Types) {
		t.Error("the non-root b was type-checked against an a of its own")
	}
}

// usedObject returns the object that pkg's syntax refers to by name.
func usedObject(pkg *packages.Package, name string) types.Object {
	for id, obj := range pkg.TypesInfo.Uses {
		if id.Name == name {
			return obj
		}
	}
	return nil
}

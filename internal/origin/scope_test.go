package origin

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestScope checks the per-package decision that keeps go vet's fact-only
// runs on third-party dependencies cheap: which packages are analysed in
// full, which only for clock and entropy helpers, and which not at all.
func TestScope(t *testing.T) {
	fset := token.NewFileSet()
	std := importer.ForCompiler(fset, "source", nil)
	check := func(path, src string, imp types.Importer) (*types.Package, *types.Info) {
		t.Helper()
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{Uses: make(map[*ast.Ident]types.Object)}
		pkg, err := (&types.Config{Importer: imp}).Check(path, fset, []*ast.File{f}, info)
		if err != nil {
			t.Fatal(err)
		}
		return pkg, info
	}

	// ids is a third-party helper package; its Stamp has a ResultFact.
	ids, _ := check("example.com/ids.v1", `package ids
func Stamp() string { return "" }
func Name() string { return "" }
`, std)
	stampFact := analysis.ObjectFact{Object: ids.Scope().Lookup("Stamp"), Fact: &ResultFact{Results: []Origin{{Kind: Clock}}}}
	imp := importerFunc(func(path string) (*types.Package, error) {
		if path == ids.Path() {
			return ids, nil
		}
		return std.Import(path)
	})

	third := &analysis.Module{Path: "example.com/lib", Version: "v1.2.3"}
	for _, tc := range []struct {
		name     string
		module   *analysis.Module
		sinks    bool // mayHaveSinks
		facts    []analysis.ObjectFact
		cfg      Config
		src      string
		want     scope
		wantName string
	}{
		{name: "GOPATH", module: nil, src: `import "time"; var D = time.Second`, want: fullScope},
		{name: "main module", module: &analysis.Module{Path: "example.com/app"}, src: `import "time"; var D = time.Second`, want: fullScope},
		{name: "third-party sink", module: third, sinks: true, src: `import "time"; var D = time.Second`, want: fullScope},
		{name: "third-party, no source", module: third, src: `import "time"; var D = time.Second; func F() string { return time.Duration(1).String() }`, want: skipScope},
		{name: "third-party clock", module: third, src: `import "time"; func F() int64 { return time.Now().UnixNano() }`, want: helperScope},
		{name: "third-party entropy", module: third, src: `import "math/rand"; func F() int { return rand.Int() }`, want: helperScope},
		{name: "third-party counter", module: third, src: `import "sync/atomic"; var n int64; func F() int64 { return atomic.AddInt64(&n, 1) }`, want: helperScope},
		{name: "third-party environment only", module: third, src: `import "os"; func F() string { return os.Getenv("X") }`, want: skipScope},
		{name: "helper with a fact", module: third, facts: []analysis.ObjectFact{stampFact}, src: `import "example.com/ids.v1"; func F() string { return ids.Stamp() }`, want: helperScope},
		{name: "helper without a fact", module: third, facts: []analysis.ObjectFact{stampFact}, src: `import "example.com/ids.v1"; func F() string { return ids.Name() }`, want: skipScope},
		{name: "clock flag", module: third, cfg: Config{Clock: []string{"example.com/ids.v1.Name"}}, src: `import "example.com/ids.v1"; func F() string { return ids.Name() }`, want: helperScope},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pkg, info := check("example.com/lib", "package lib\n"+tc.src, imp)
			pass := &analysis.Pass{
				Pkg:            pkg,
				TypesInfo:      info,
				Module:         tc.module,
				AllObjectFacts: func() []analysis.ObjectFact { return tc.facts },
			}
			if got := scopeOf(pass, &tc.cfg, tc.sinks); got != tc.want {
				t.Errorf("scope %d, want %d", got, tc.want)
			}
		})
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// TestSplitModelKey checks the package path of the keys of the models
// table and of the -dedupid flags.
func TestSplitModelKey(t *testing.T) {
	for key, want := range map[string][2]string{
		"time.Now":                               {"time", "Now"},
		"time.Time.*":                            {"time", "Time"},
		"math/rand/v2.*":                         {"math/rand/v2", "*"},
		"crypto/rand.Text":                       {"crypto/rand", "Text"},
		"github.com/google/uuid.NewString":       {"github.com/google/uuid", "NewString"},
		"github.com/spf13/viper.Viper.GetString": {"github.com/spf13/viper", "Viper.GetString"},
	} {
		if path, name := splitModelKey(key); path != want[0] || name != want[1] {
			t.Errorf("splitModelKey(%q) = %q, %q; want %q, %q", key, path, name, want[0], want[1])
		}
	}
}

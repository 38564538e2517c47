package driver

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestFactCarriers checks which dependencies of the roots are loaded from
// source, on an import graph written by hand: the criterion reads only
// IDs, paths, modules and imports.
func TestFactCarriers(t *testing.T) {
	mainMod := &packages.Module{Path: "example.com/app", Main: true}
	sdk := &packages.Module{Path: "github.com/aws/aws-sdk-go-v2/service/sqs"}
	queueLib := &packages.Module{Path: "example.com/queuelib"}
	idLib := &packages.Module{Path: "github.com/google/uuid"}

	pkg := func(path string, mod *packages.Module, imports ...*packages.Package) *packages.Package {
		p := &packages.Package{ID: path, PkgPath: path, Module: mod, Imports: make(map[string]*packages.Package)}
		for _, imp := range imports {
			p.Imports[imp.PkgPath] = imp
		}
		return p
	}
	fmtPkg := pkg("fmt", nil)
	sqs := pkg("github.com/aws/aws-sdk-go-v2/service/sqs", sdk, fmtPkg)
	uuid := pkg("github.com/google/uuid", idLib, fmtPkg)
	queue := pkg("example.com/queuelib/queue", queueLib, sqs)    // imports SQS itself
	bus := pkg("example.com/queuelib/bus", queueLib, queue)      // through queue
	plain := pkg("example.com/queuelib/plain", queueLib, fmtPkg) // never reaches SQS
	gocloud := pkg("gocloud.dev/pubsub/awssnssqs", &packages.Module{Path: "gocloud.dev"}, fmtPkg)
	events := pkg("example.com/queuelib/events", queueLib, gocloud)  // a library sink
	ids := pkg("example.com/app/ids", mainMod, uuid)                 // main module
	testVariant := pkg("example.com/app/ids", mainMod, uuid, fmtPkg) // "ids [ids.test]"
	testVariant.ID = "example.com/app/ids [example.com/app/ids.test]"
	root := pkg("example.com/app/orders", mainMod, bus, plain, events, ids, sqs)
	other := pkg("example.com/app/other", mainMod, testVariant) // an external test's view

	got := factCarriers([]*packages.Package{root, other})
	want := []string{"example.com/app/ids", "example.com/queuelib/bus", "example.com/queuelib/events", "example.com/queuelib/queue"}
	if !slices.Equal(got, want) {
		t.Errorf("factCarriers = %q, want %q", got, want)
	}

	// A root is never a carrier of itself.
	if got := factCarriers([]*packages.Package{root, other, ids}); slices.Contains(got, "example.com/app/ids") {
		t.Errorf("factCarriers lists the root example.com/app/ids: %q", got)
	}
}

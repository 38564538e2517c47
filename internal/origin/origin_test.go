package origin_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/origin"
	"github.com/fifolint/fifolint/internal/testmodules"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

// TestFacts checks the facts the analyzer exports for helpers, variables
// and wrappers.
func TestFacts(t *testing.T) {
	analysistest.Run(t, "testdata", origin.Analyzer, "./...")
}

// TestFactEncodingIsDeterministic encodes each fact type twice: build
// systems key caches on the bytes.
func TestFactEncodingIsDeterministic(t *testing.T) {
	pending := origin.Origin{Kind: origin.Const, Desc: "constant \"x\"", Deps: []origin.Dep{{Param: 1}, {Param: origin.Recv, Path: "a.b"}}}
	for _, f := range []any{
		&origin.ResultFact{Results: []origin.Origin{pending, {Kind: origin.Clock, Desc: "time.Now()"}}},
		&origin.SinkFact{Sinks: []origin.Sink{{Field: fifoapi.GroupID, Origin: pending}, {Field: fifoapi.DedupID, Origin: pending}}},
		&origin.VarFact{Desc: "package variable g of package p"},
	} {
		if a, b := encode(t, f), encode(t, f); !bytes.Equal(a, b) {
			t.Errorf("%T encodes differently on two runs", f)
		}
	}
}

func encode(t *testing.T, f any) []byte {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJoin(t *testing.T) {
	c := origin.Origin{Kind: origin.Const, Desc: "c"}
	p := origin.Origin{Kind: origin.PerMessage, Desc: "p"}
	dep := origin.Origin{Deps: []origin.Dep{{Param: 0}}}
	if got := origin.Join(c, p); got.Kind != origin.PerMessage || got.Desc != "p" {
		t.Errorf("Join(const, per-message) = %v %q, want per-message", got, got.Desc)
	}
	if got := origin.Join(c, dep); got.Kind != origin.Const || !got.Pending() {
		t.Errorf("Join(const, param) = %v, want const pending on the parameter", got)
	}
	if got := origin.Join(p, dep); got.Pending() {
		t.Errorf("Join(per-message, param) = %v: a per-message part decides, the parameter cannot change it", got)
	}
	resolved := origin.Resolve(origin.Join(c, dep), func(origin.Dep) origin.Origin { return origin.Origin{Kind: origin.Const, Desc: "arg"} })
	if resolved.Pending() || resolved.Desc != "arg" {
		t.Errorf("Resolve = %v %q, want const named by the argument", resolved, resolved.Desc)
	}
}

package analysisdoc

import "testing"

const sample = `// Package p does things.
//
// # Analyzer thing
//
// thing: report things
//
// Things are bad.
//
// # Other
//
// unrelated
package p
`

func TestExtract(t *testing.T) {
	got, err := extract(sample, "thing")
	if err != nil {
		t.Fatal(err)
	}
	if want := "report things\n\nThings are bad."; got != want {
		t.Errorf("extract = %q, want %q", got, want)
	}
	if _, err := extract(sample, "other"); err == nil {
		t.Error("extract of a missing section succeeded")
	}
	if _, err := extract("package p\n", "thing"); err == nil {
		t.Error("extract without package comment succeeded")
	}
}

// Package analysisdoc extracts an analyzer's documentation from the
// package comment of its doc.go, as the x/tools passes do, so the doc is
// written once and shown by godoc, `fifolint help NAME` and go vet alike.
package analysisdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract returns the "# Analyzer NAME" section of the package comment
// of the Go source content: its first line is "NAME: summary", which becomes
// the title of Analyzer.Doc. It panics if the section is missing, which a
// test of every pass catches.
func MustExtract(content, name string) string {
	doc, err := extract(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extract(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return "", fmt.Errorf("analysisdoc: no package comment for %s", name)
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name
	_, section, ok := strings.Cut(text, heading+"\n")
	if !ok {
		return "", fmt.Errorf("analysisdoc: no %q section", heading)
	}
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	section = strings.TrimSpace(section)
	title, rest, _ := strings.Cut(section, "\n")
	if !strings.HasPrefix(title, name+": ") {
		return "", fmt.Errorf("analysisdoc: section %q must start with %q", heading, name+": ")
	}
	return strings.TrimPrefix(title, name+": ") + "\n" + rest, nil
}

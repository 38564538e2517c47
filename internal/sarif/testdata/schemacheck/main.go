// Command schemacheck validates JSON documents against a JSON schema.
//
// It is a module of its own, used only by the tests of
// github.com/fifolint/fifolint/internal/sarif, so that the validator is
// not a dependency of fifolint:
//
//	go run . SCHEMA.json FILE.json...
//
// It exits 1 if a file is invalid, 2 on other errors.
package main

import (
	"fmt"
	"os"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: schemacheck SCHEMA.json FILE.json...")
		os.Exit(2)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // "uri", "uri-reference", "date-time" are checked
	schema, err := c.Compile(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "compiling %s: %v\n", os.Args[1], err)
		os.Exit(2)
	}
	exit := 0
	for _, name := range os.Args[2:] {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
			os.Exit(2)
		}
		if err := schema.Validate(doc); err != nil {
			fmt.Printf("%s: invalid:\n%v\n", name, err)
			exit = 1
			continue
		}
		fmt.Printf("%s: valid\n", name)
	}
	os.Exit(exit)
}

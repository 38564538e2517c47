// The fifolint command runs the fifolint passes.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/fifolint/fifolint/passes/groupid"
)

func main() { multichecker.Main(groupid.Analyzer) }

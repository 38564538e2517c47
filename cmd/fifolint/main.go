// The fifolint command runs the fifolint passes.
//
// Standalone, it analyzes the named packages: fifolint ./...
// It also serves as a go vet and go fix tool:
//
//	go vet -vettool=$(command -v fifolint) ./...
package main

import (
	"github.com/fifolint/fifolint/internal/driver"
	"github.com/fifolint/fifolint/passes/dedupid"
	"github.com/fifolint/fifolint/passes/errswallow"
	"github.com/fifolint/fifolint/passes/fifoparams"
	"github.com/fifolint/fifolint/passes/groupid"
)

func main() {
	driver.Main(groupid.Analyzer, dedupid.Analyzer, errswallow.Analyzer, fifoparams.Analyzer)
}

// Package benchcorpus holds the helpers of scripts/bench.sh, which
// compares the cost of fifolint with that of a no-op analyzer run by the
// same driver:
//
//   - gen writes a corpus module of producer and business-logic packages;
//   - noop is the baseline command.
//
// Both are main packages built only with -tags fifolintbench, so that
// "go install ./..." (run by pre-commit) does not install them.
package benchcorpus

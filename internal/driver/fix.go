package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A fileEdit replaces the bytes [start, end) of a file's original content
// with text. start == end is an insertion.
type fileEdit struct {
	start, end int
	text       string
}

// A fixCandidate is the first suggested fix of one diagnostic, converted
// to byte offsets.
type fixCandidate struct {
	finding int                   // index of the finding in results.findings
	origin  string                // "file:line:col: analyzer", for messages
	message string                // the fix's own message
	edits   map[string][]fileEdit // by file name
}

// A fixPlan is the set of fixes chosen to be applied together.
type fixPlan struct {
	edits      map[string][]fileEdit // accepted edits by file, without repeats
	applied    int                   // fixes accepted (including repeats of accepted ones)
	candidates int
	fixed      map[int]bool // indexes of the findings whose fix was accepted
}

// planFixes accepts each candidate in order unless one of its edits
// overlaps a different edit that is already accepted for the same file;
// such a fix is skipped whole, with a note on warn. An edit identical to
// an accepted one is applied once: the same fix reported for "p" and
// "p [p.test]", or two fixes adding the same import, must not be doubled.
func planFixes(candidates []fixCandidate, warn io.Writer) *fixPlan {
	plan := &fixPlan{edits: make(map[string][]fileEdit), candidates: len(candidates), fixed: make(map[int]bool)}
	for _, c := range candidates {
		if problem := findConflict(plan.edits, c); problem != "" {
			fmt.Fprintf(warn, "%s: skipped fix %q: %s\n", c.origin, c.message, problem)
			continue
		}
		for _, file := range sortedKeys(c.edits) {
			for _, e := range c.edits[file] {
				if !slices.Contains(plan.edits[file], e) {
					plan.edits[file] = append(plan.edits[file], e)
				}
			}
		}
		plan.applied++
		plan.fixed[c.finding] = true
	}
	return plan
}

// findConflict describes why c cannot be applied on top of the accepted
// edits, or returns "". The scan is quadratic in the number of edits per
// file, which stays small: one fix per diagnostic.
func findConflict(accepted map[string][]fileEdit, c fixCandidate) string {
	for _, file := range sortedKeys(c.edits) {
		edits := c.edits[file]
		for i, e := range edits {
			for _, other := range edits[:i] {
				if e != other && overlap(e, other) {
					return "its edits overlap each other in " + file
				}
			}
			for _, other := range accepted[file] {
				if e != other && overlap(e, other) {
					return "it conflicts with an earlier fix in " + file
				}
			}
		}
	}
	return ""
}

// overlap reports whether two different edits cannot both be applied:
// their ranges intersect, or both insert at the same offset (in which
// case the order of the insertions would be a guess).
func overlap(x, y fileEdit) bool {
	if x.start == x.end && y.start == y.end {
		return x.start == y.start
	}
	return x.start < y.end && y.start < x.end
}

// applyEdits returns src with the non-overlapping edits applied. At equal
// starts, an insertion goes before a replacement, which keeps an edit at
// the end of a replaced range after it.
func applyEdits(src []byte, edits []fileEdit) []byte {
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(x, y fileEdit) int {
		if x.start != y.start {
			return x.start - y.start
		}
		return x.end - y.end
	})
	var out bytes.Buffer
	last := 0
	for _, e := range sorted {
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// applyFixesCommand implements -fix and -fix -diff: it applies the first
// fix of every finding, formats the changed Go files, and writes them or
// prints their diff on stdout. The findings it did not fix (no suggested
// fix, a generated file, a conflict) are printed as in text mode. It
// returns 1 if an analysis failed, a file could not be read or written, or
// a fix was skipped for a conflict (re-running applies it); else 3 if a
// finding is left; else 0.
func applyFixesCommand(r *results, roots []*packages.Package, showDiff bool) int {
	exit := exitOK
	if len(r.failures) > 0 {
		printFailures(os.Stderr, r)
		exit = exitFailure
	}

	candidates := fixCandidates(r.findings, generatedFiles(roots))
	plan := planFixes(candidates, os.Stderr)

	fixed, err := fixedContents(plan, fileSizes(r))
	if err != nil {
		log.Printf("no fixes applied: %v", err)
		return exitFailure
	}
	for _, file := range sortedKeys(fixed) {
		if err := emitFixedFile(file, fixed[file], showDiff); err != nil {
			log.Print(err)
			exit = exitFailure
		}
	}

	if plan.applied < plan.candidates {
		log.Printf("applied %d of %d fixes; run again with -fix to apply the others", plan.applied, plan.candidates)
		exit = exitFailure
	}

	left := &results{}
	for i, f := range r.findings {
		if !plan.fixed[i] {
			left.findings = append(left.findings, f)
		}
	}
	if len(left.findings) > 0 {
		if err := textView(left).PrintText(os.Stderr, -1); err != nil {
			log.Print(err)
			return exitFailure
		}
		log.Printf("%d of %d findings have no fix applied (listed above)", len(left.findings), len(r.findings))
		if exit == exitOK {
			exit = exitDiagnostics
		}
	}
	return exit
}

// A fixedFile is a file's content before and after its fixes.
type fixedFile struct{ before, after []byte }

// fixedContents reads each file the plan edits and applies its edits,
// then formats Go files. It changes nothing on disk. A file whose size
// differs from the parsed one was modified during the run: stop rather
// than apply offsets to the wrong text.
func fixedContents(plan *fixPlan, sizes map[string]int) (map[string]fixedFile, error) {
	fixed := make(map[string]fixedFile)
	for _, file := range sortedKeys(plan.edits) {
		before, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		if size, ok := sizes[file]; ok && size != len(before) {
			return nil, fmt.Errorf("%s changed during the analysis (size %d, now %d)", file, size, len(before))
		}
		after := applyEdits(before, plan.edits[file])
		if strings.HasSuffix(file, ".go") {
			formatted, err := format.Source(after)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: fixed file left unformatted: %v\n", file, err)
			} else {
				after = formatted
			}
		}
		fixed[file] = fixedFile{before, after}
	}
	return fixed, nil
}

// emitFixedFile writes the new content of file, or prints its diff.
func emitFixedFile(file string, f fixedFile, showDiff bool) error {
	if showDiff {
		name := displayName(file)
		_, err := io.WriteString(os.Stdout, unifiedDiff("a/"+name, "b/"+name, f.before, f.after))
		return err
	}
	if bytes.Equal(f.before, f.after) {
		return nil
	}
	return os.WriteFile(file, f.after, 0o666) // an existing file keeps its mode
}

// displayName returns file relative to the working directory when it is
// below it, so that "patch -p1" and "git apply" take the diff from there.
func displayName(file string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, file); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}

// fixCandidates converts the first fix of each finding to byte offsets.
// Fixes that touch a generated file (such as a test main) are skipped:
// the generator would undo them.
func fixCandidates(findings []finding, generated map[*token.File]bool) []fixCandidate {
	var candidates []fixCandidate
	for i, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			continue
		}
		fix := f.diag.SuggestedFixes[0]
		c := fixCandidate{
			finding: i,
			origin:  fmt.Sprintf("%s: %s", f.posn, f.act.Analyzer.Name),
			message: fix.Message,
			edits:   make(map[string][]fileEdit),
		}
		if file, ok := editsGeneratedFile(f.act.Package.Fset, fix, generated); ok {
			fmt.Fprintf(os.Stderr, "%s: skipped fix %q: %s is generated\n", c.origin, c.message, file)
			continue
		}
		for _, edit := range fix.TextEdits {
			tf := f.act.Package.Fset.File(edit.Pos)
			e := fileEdit{start: tf.Offset(edit.Pos), end: tf.Offset(edit.Pos), text: string(edit.NewText)}
			if edit.End.IsValid() { // NoPos means an insertion
				e.end = tf.Offset(edit.End)
			}
			c.edits[tf.Name()] = append(c.edits[tf.Name()], e)
		}
		candidates = append(candidates, c)
	}
	return candidates
}

func editsGeneratedFile(fset *token.FileSet, fix analysis.SuggestedFix, generated map[*token.File]bool) (string, bool) {
	for _, edit := range fix.TextEdits {
		if tf := fset.File(edit.Pos); generated[tf] {
			return tf.Name(), true
		}
	}
	return "", false
}

// generatedFiles marks the parsed files of the roots that carry a
// "Code generated ... DO NOT EDIT." comment.
func generatedFiles(roots []*packages.Package) map[*token.File]bool {
	generated := make(map[*token.File]bool)
	for _, pkg := range roots {
		for _, file := range pkg.Syntax {
			if ast.IsGenerated(file) {
				generated[pkg.Fset.File(file.FileStart)] = true
			}
		}
	}
	return generated
}

// fileSizes returns the size of each file as parsed, to detect files
// modified during the run.
func fileSizes(r *results) map[string]int {
	sizes := make(map[string]int)
	for _, f := range r.findings {
		for _, fix := range f.diag.SuggestedFixes {
			for _, edit := range fix.TextEdits {
				if tf := f.act.Package.Fset.File(edit.Pos); tf != nil {
					sizes[tf.Name()] = tf.Size()
				}
			}
		}
	}
	return sizes
}

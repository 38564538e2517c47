package driver

import (
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around each change,
// as in "diff -u".
const diffContext = 3

// unifiedDiff returns the unified diff that turns before into after, with
// the given file labels, or "" if they are equal. The output is accepted
// by patch and git apply, including the "\ No newline at end of file"
// marker.
func unifiedDiff(beforeLabel, afterLabel string, before, after []byte) string {
	a, b := splitLines(string(before)), splitLines(string(after))
	ops := diffLines(a, b)
	hunks := groupHunks(ops)
	if len(hunks) == 0 {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", beforeLabel, afterLabel)
	for _, h := range hunks {
		writeHunk(&out, h, a, b)
	}
	return out.String()
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// An opKind says what a diff operation does with one line.
type opKind byte

const (
	keep   opKind = ' '
	remove opKind = '-'
	insert opKind = '+'
)

// A lineOp is one step of an edit script: a line of a (index ai) kept
// or removed, or a line of b (index bi) inserted. ai and bi are the
// positions in a and b before the step.
type lineOp struct {
	kind   opKind
	ai, bi int
}

// diffLines returns a shortest edit script from a to b, by Myers' O(ND)
// algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986).
//
// The common prefix and suffix are kept outside the search: fixes change
// a few lines of large files, and the search then only sees the middle.
// Its memory is O(D²) for D changed lines.
func diffLines(a, b []string) []lineOp {
	prefix := 0
	for prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < len(a)-prefix && suffix < len(b)-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}

	var ops []lineOp
	for i := range prefix {
		ops = append(ops, lineOp{keep, i, i})
	}
	for _, op := range myers(a[prefix:len(a)-suffix], b[prefix:len(b)-suffix]) {
		ops = append(ops, lineOp{op.kind, op.ai + prefix, op.bi + prefix})
	}
	for i := range suffix {
		ops = append(ops, lineOp{keep, len(a) - suffix + i, len(b) - suffix + i})
	}
	return ops
}

// myers is the core of diffLines.
func myers(a, b []string) []lineOp {
	n, m := len(a), len(b)
	// frontier[k] is the furthest x reached on diagonal k = x - y, stored
	// at index k+offset. history[d] is a copy of the frontier (diagonals
	// -d-1..d+1) before step d, from which the path is traced back.
	offset := n + m + 1
	frontier := make([]int, 2*offset+1)
	var history [][]int
	for d := 0; d <= n+m; d++ {
		history = append(history, append([]int(nil), frontier[offset-d-1:offset+d+2]...))
		for k := -d; k <= d; k += 2 {
			x := furthestStart(frontier[offset+k-1:offset+k+2], k, d)
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			frontier[offset+k] = x
			if x >= n && y >= m {
				return traceBack(history, n, m)
			}
		}
	}
	panic("unreachable: an edit script of n+m steps always exists")
}

// furthestStart returns where a path on diagonal k starts at step d,
// given the frontier on diagonals k-1, k, k+1: below from k+1 (an
// insertion), or right from k-1 (a removal), whichever reaches further.
func furthestStart(around []int, k, d int) int {
	below, right := around[2], around[0]
	if k == -d || k != d && right < below {
		return below
	}
	return right + 1
}

// traceBack rebuilds the edit script that ends at (n, m).
func traceBack(history [][]int, n, m int) []lineOp {
	var reversed []lineOp
	x, y := n, m
	for d := len(history) - 1; d >= 0; d-- {
		k := x - y
		before := history[d] // diagonals -d-1..d+1 at index k+d+1
		prevK := k - 1
		if k == -d || k != d && before[k-1+d+1] < before[k+1+d+1] {
			prevK = k + 1
		}
		prevX := before[prevK+d+1]
		prevY := prevX - prevK
		for x > prevX && y > prevY { // the snake: equal lines
			x, y = x-1, y-1
			reversed = append(reversed, lineOp{keep, x, y})
		}
		if d > 0 {
			if x == prevX {
				reversed = append(reversed, lineOp{insert, prevX, prevY})
			} else {
				reversed = append(reversed, lineOp{remove, prevX, prevY})
			}
		}
		x, y = prevX, prevY
	}
	ops := make([]lineOp, len(reversed))
	for i, op := range reversed {
		ops[len(ops)-1-i] = op
	}
	return ops
}

// A hunk is a slice of an edit script: changes plus up to diffContext
// kept lines around them.
type hunk struct{ ops []lineOp }

// groupHunks cuts the edit script into hunks, merging changes separated
// by at most 2*diffContext kept lines, as diff -u does.
func groupHunks(ops []lineOp) []hunk {
	var hunks []hunk
	for i := 0; i < len(ops); {
		if ops[i].kind == keep {
			i++
			continue
		}
		// The previous hunk ended more than diffContext kept lines
		// before i, so its context cannot overlap this one's.
		lo := max(i-diffContext, 0)
		lastChange := i
		j := i
		for j < len(ops) {
			if ops[j].kind != keep {
				lastChange = j
			} else if j-lastChange > 2*diffContext {
				break
			}
			j++
		}
		hi := min(lastChange+1+diffContext, len(ops))
		hunks = append(hunks, hunk{ops[lo:hi]})
		i = hi
	}
	return hunks
}

// writeHunk writes the header and lines of h.
func writeHunk(out *strings.Builder, h hunk, a, b []string) {
	first := h.ops[0]
	var aCount, bCount int
	for _, op := range h.ops {
		if op.kind != insert {
			aCount++
		}
		if op.kind != remove {
			bCount++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(first.ai, aCount), hunkRange(first.bi, bCount))
	for _, op := range h.ops {
		var line string
		if op.kind == insert {
			line = b[op.bi]
		} else {
			line = a[op.ai]
		}
		out.WriteByte(byte(op.kind))
		out.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a "start,count" range: lines are counted from 1, a
// single line omits the count, and an empty range names the line before
// it (0 at the start of the file), as GNU diff does.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

package driver

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestUnifiedDiffGolden(t *testing.T) {
	for _, test := range []struct {
		name, before, after, want string
	}{
		{
			name:   "equal",
			before: "a\nb\n",
			after:  "a\nb\n",
			want:   "",
		},
		{
			name:   "one line changed in the middle",
			before: "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			after:  "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
			want: "--- a/f\n+++ b/f\n" +
				"@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
		},
		{
			name:   "insertion into an empty file",
			before: "",
			after:  "x\ny\n",
			want:   "--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n",
		},
		{
			name:   "everything removed",
			before: "x\n",
			after:  "",
			want:   "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-x\n",
		},
		{
			name:   "newline added at end of file",
			before: "a\nb",
			after:  "a\nb\n",
			want:   "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
		{
			name:   "distant changes make two hunks",
			before: "a\n1\n2\n3\n4\n5\n6\n7\nb\n",
			after:  "A\n1\n2\n3\n4\n5\n6\n7\nB\n",
			want: "--- a/f\n+++ b/f\n" +
				"@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n" +
				"@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n",
		},
		{
			name:   "changes six lines apart share a hunk",
			before: "a\n1\n2\n3\n4\n5\n6\nb\n",
			after:  "A\n1\n2\n3\n4\n5\n6\nB\n",
			want: "--- a/f\n+++ b/f\n" +
				"@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-b\n+B\n",
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			got := unifiedDiff("a/f", "b/f", []byte(test.before), []byte(test.after))
			if got != test.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, test.want)
			}
		})
	}
}

// TestUnifiedDiffRoundTrip applies the diff of random pairs of texts back
// to the first text and checks that it yields the second, and that the
// edit script is no longer than the trivial one.
func TestUnifiedDiffRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		before := randomText(rng)
		after := mutate(rng, before)
		d := unifiedDiff("a/f", "b/f", []byte(before), []byte(after))
		got, err := applyUnifiedDiff(before, d)
		if err != nil {
			t.Fatalf("case %d: %v\nbefore:\n%q\nafter:\n%q\ndiff:\n%s", i, err, before, after, d)
		}
		if got != after {
			t.Fatalf("case %d: patched text differs\nbefore:\n%q\nafter:\n%q\ngot:\n%q\ndiff:\n%s", i, before, after, got, d)
		}
	}
}

// TestDiffLinesIsShortest checks the edit script length against the
// longest common subsequence, computed the slow way.
func TestDiffLinesIsShortest(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 500 {
		a := splitLines(randomText(rng))
		b := splitLines(mutate(rng, strings.Join(a, "")))
		changes := 0
		for _, op := range diffLines(a, b) {
			if op.kind != keep {
				changes++
			}
		}
		if want := len(a) + len(b) - 2*lcsLength(a, b); changes != want {
			t.Fatalf("case %d: %d changes, want %d\na=%q\nb=%q", i, changes, want, a, b)
		}
	}
}

func lcsLength(a, b []string) int {
	table := make([][]int, len(a)+1)
	for i := range table {
		table[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				table[i][j] = table[i+1][j+1] + 1
			} else {
				table[i][j] = max(table[i+1][j], table[i][j+1])
			}
		}
	}
	return table[0][0]
}

// randomText returns up to 30 lines from a small alphabet, so that equal
// lines are frequent, sometimes without a final newline.
func randomText(rng *rand.Rand) string {
	var b strings.Builder
	n := rng.IntN(30)
	for range n {
		b.WriteString(strconv.Itoa(rng.IntN(5)) + "\n")
	}
	s := b.String()
	if s != "" && rng.IntN(4) == 0 {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}

// mutate inserts, removes and replaces a few random lines of s.
func mutate(rng *rand.Rand, s string) string {
	lines := splitLines(s)
	for range rng.IntN(6) {
		i := rng.IntN(len(lines) + 1)
		switch rng.IntN(3) {
		case 0:
			lines = append(lines[:i], append([]string{strconv.Itoa(rng.IntN(8)) + "\n"}, lines[i:]...)...)
		case 1:
			if i < len(lines) {
				lines = append(lines[:i], lines[i+1:]...)
			}
		case 2:
			if i < len(lines) {
				lines[i] = strconv.Itoa(rng.IntN(8)) + "\n"
			}
		}
	}
	out := strings.Join(lines, "")
	if out != "" && rng.IntN(4) == 0 {
		out = strings.TrimSuffix(out, "\n")
	}
	return out
}

// applyUnifiedDiff is a strict patch: every context and removed line must
// match, and hunk headers must agree with the hunk bodies.
func applyUnifiedDiff(before, diff string) (string, error) {
	if diff == "" {
		return before, nil
	}
	src := splitLines(before)
	lines := splitLines(diff)
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return "", fmt.Errorf("missing file header")
	}
	var out []string
	next := 0 // index in src of the first line not yet copied
	for i := 2; i < len(lines); {
		var aStart, aCount, bStart, bCount int
		if _, err := fmt.Sscanf(normalizeHeader(lines[i]), "@@ -%d,%d +%d,%d @@\n", &aStart, &aCount, &bStart, &bCount); err != nil {
			return "", fmt.Errorf("bad hunk header %q: %v", lines[i], err)
		}
		i++
		first := aStart - 1 // 0-based index of the first line of the hunk
		if aCount == 0 {
			first = aStart // an empty range names the line before it
		}
		if first < next {
			return "", fmt.Errorf("hunks overlap or are out of order at %q", lines[i-1])
		}
		out = append(out, src[next:first]...)
		next = first
		var seenA, seenB int
		for ; i < len(lines) && !strings.HasPrefix(lines[i], "@@"); i++ {
			body := lines[i][1:]
			if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
				body = strings.TrimSuffix(body, "\n")
			}
			switch lines[i][0] {
			case ' ', '-':
				if next >= len(src) || src[next] != body {
					return "", fmt.Errorf("line %d does not match %q", next+1, lines[i])
				}
				next++
				seenA++
				if lines[i][0] == ' ' {
					out = append(out, body)
					seenB++
				}
			case '+':
				out = append(out, body)
				seenB++
			case '\\':
			default:
				return "", fmt.Errorf("bad diff line %q", lines[i])
			}
		}
		if seenA != aCount || seenB != bCount {
			return "", fmt.Errorf("hunk counts -%d +%d, body has -%d +%d", aCount, bCount, seenA, seenB)
		}
	}
	out = append(out, src[next:]...)
	return strings.Join(out, ""), nil
}

// normalizeHeader spells out the counts that a unified diff may omit
// ("-3" means "-3,1").
func normalizeHeader(header string) string {
	fields := strings.Fields(header)
	if len(fields) != 4 {
		return header
	}
	for _, i := range []int{1, 2} {
		if !strings.Contains(fields[i], ",") {
			fields[i] += ",1"
		}
	}
	return strings.Join(fields, " ") + "\n"
}

package driver

import (
	"reflect"
	"strings"
	"testing"
)

func TestApplyEdits(t *testing.T) {
	for _, test := range []struct {
		name  string
		src   string
		edits []fileEdit
		want  string
	}{
		{"none", "abc", nil, "abc"},
		{"replace", "hello world", []fileEdit{{6, 11, "there"}}, "hello there"},
		{"delete", "hello world", []fileEdit{{5, 11, ""}}, "hello"},
		{"insert at end", "ab", []fileEdit{{2, 2, "c"}}, "abc"},
		{"unordered", "abcdef", []fileEdit{{4, 5, "E"}, {0, 1, "A"}}, "AbcdEf"},
		{
			// The insertion at 1 precedes the replacement of [1,3), and the
			// insertion at 3 follows it.
			"insertions around a replacement",
			"abcd",
			[]fileEdit{{1, 3, "X"}, {3, 3, ">"}, {1, 1, "<"}},
			"a<X>d",
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			if got := string(applyEdits([]byte(test.src), test.edits)); got != test.want {
				t.Errorf("got %q, want %q", got, test.want)
			}
		})
	}
}

func TestOverlap(t *testing.T) {
	for _, test := range []struct {
		x, y fileEdit
		want bool
	}{
		{fileEdit{0, 2, "a"}, fileEdit{2, 4, "b"}, false}, // adjacent
		{fileEdit{0, 3, "a"}, fileEdit{2, 4, "b"}, true},
		{fileEdit{2, 2, "a"}, fileEdit{0, 4, "b"}, true},  // insertion inside a replacement
		{fileEdit{0, 0, "a"}, fileEdit{0, 4, "b"}, false}, // insertion at its start
		{fileEdit{4, 4, "a"}, fileEdit{0, 4, "b"}, false}, // insertion at its end
		{fileEdit{3, 3, "a"}, fileEdit{3, 3, "b"}, true},  // two insertions at one offset
		{fileEdit{3, 3, "a"}, fileEdit{5, 5, "b"}, false},
	} {
		if got := overlap(test.x, test.y); got != test.want {
			t.Errorf("overlap(%v, %v) = %v, want %v", test.x, test.y, got, test.want)
		}
		if got := overlap(test.y, test.x); got != test.want {
			t.Errorf("overlap(%v, %v) = %v, want %v", test.y, test.x, got, test.want)
		}
	}
}

func TestPlanFixes(t *testing.T) {
	fix := func(origin string, edits map[string][]fileEdit) fixCandidate {
		return fixCandidate{origin: origin, message: "fix " + origin, edits: edits}
	}
	candidates := []fixCandidate{
		fix("p1", map[string][]fileEdit{"a.go": {{10, 12, "x"}}}),
		// The same fix again, as reported for a test variant: applied once.
		fix("p2", map[string][]fileEdit{"a.go": {{10, 12, "x"}}}),
		// Overlaps p1 in a.go: the whole fix is skipped, b.go included.
		fix("p3", map[string][]fileEdit{"a.go": {{11, 13, "y"}}, "b.go": {{0, 0, "z"}}}),
		// Independent edits in two files, one shared with p1 (an added
		// import, say): applied, shared edit once.
		fix("p4", map[string][]fileEdit{"a.go": {{10, 12, "x"}, {20, 20, "w"}}, "b.go": {{5, 6, "v"}}}),
		// Its own edits overlap each other: skipped.
		fix("p5", map[string][]fileEdit{"c.go": {{0, 4, "1"}, {2, 6, "2"}}}),
	}
	var warn strings.Builder
	plan := planFixes(candidates, &warn)

	want := map[string][]fileEdit{
		"a.go": {{10, 12, "x"}, {20, 20, "w"}},
		"b.go": {{5, 6, "v"}},
	}
	if !reflect.DeepEqual(plan.edits, want) {
		t.Errorf("edits = %v, want %v", plan.edits, want)
	}
	if plan.applied != 3 || plan.candidates != 5 {
		t.Errorf("applied %d of %d, want 3 of 5", plan.applied, plan.candidates)
	}
	wantWarn := `p3: skipped fix "fix p3": it conflicts with an earlier fix in a.go
p5: skipped fix "fix p5": its edits overlap each other in c.go
`
	if warn.String() != wantWarn {
		t.Errorf("warnings:\n%s\nwant:\n%s", warn.String(), wantWarn)
	}
}

package main

// Driver-level constructs: the fifolint binary, standalone and under
// go vet, on small temporary modules with type errors, cgo, build tags and
// generated files. Each test checks the result is right (the findings
// where the bugs are, nothing elsewhere, clean errors), not only that
// nothing crashed.
//
// The helpers here (prefixed "ct") are shared with invocation_test.go and
// with nothing else.
//
// The temporary modules copy go.mod and go.sum from
// passes/groupid/testdata, so they need no network once that module's
// requirements are in the module cache (ctModule downloads them with the
// caller's GOPROXY otherwise). go vet runs use the normal build cache and
// always the pattern ./... on a module of their own: Go 1.26's vet result
// cache does not record whether a package was vetted as a root or only as
// a dependency, and a module of its own per test keeps the two apart.

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fifolint/fifolint/internal/testmodules"
)

// ctBuild returns the fifolint command, built once for all the tests.
func ctBuild(t *testing.T) string {
	t.Helper()
	return fifolintBinary(t)
}

// ctModule writes a module named example.com/<name> into a new temporary
// directory: go.mod and go.sum of passes/groupid/testdata (the AWS SDK v1
// and v2, github.com/google/uuid) and the given files (slash-separated
// paths). It returns the directory.
func ctModule(t *testing.T, name string, files map[string]string) string {
	t.Helper()
	src := filepath.Join(testmodules.RepoRoot(t), "passes", "groupid", "testdata")
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join(src, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	gomod = regexp.MustCompile(`(?m)^module .*$`).ReplaceAll(gomod, []byte("module example.com/"+name))

	dir := filepath.Join(t.TempDir(), name)
	files = ctMerge(files, map[string]string{"go.mod": string(gomod), "go.sum": string(gosum)})
	for rel, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if r := ctRun(t, dir, nil, "go", "mod", "download"); r.code != 0 {
		t.Fatalf("go mod download in %s: exit %d\n%s", dir, r.code, r.stderr)
	}
	return dir
}

// ctMerge returns the union of a and b; b wins.
func ctMerge(a, b map[string]string) map[string]string {
	m := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

// A ctResult is what one command did.
type ctResult struct {
	stdout, stderr string
	code           int
}

// ctRun runs name args in dir with the caller's environment (no go.work,
// no GOFLAGS) plus env, and returns what it did.
func ctRun(t *testing.T, dir string, env []string, name string, args ...string) ctResult {
	t.Helper()
	stdout, stderr, code := testmodules.Run(t, dir, append([]string{"GOWORK=off", "GOFLAGS="}, env...), name, args...)
	r := ctResult{stdout, stderr, code}
	ctNoCrash(t, fmt.Sprintf("%s %s", filepath.Base(name), strings.Join(args, " ")), r)
	return r
}

var ctCrash = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[)`)

// ctNoCrash fails the test if the command crashed.
func ctNoCrash(t *testing.T, what string, r ctResult) {
	t.Helper()
	if ctCrash.MatchString(r.stderr) || ctCrash.MatchString(r.stdout) {
		t.Errorf("%s crashed (exit %d):\n%s", what, r.code, ctClip(r.stderr+r.stdout))
	}
}

func ctClip(s string) string {
	const max = 6000
	if len(s) > max {
		return s[:max] + "\n... [clipped]"
	}
	return s
}

// ctFindings parses the JSON of fifolint -json (one document) or go vet
// -json (one per package) into sorted "file:line: analyzer" strings, file
// relative to dir. An {"error": ...} entry fails the test.
func ctFindings(t *testing.T, dir, what, out string) []string {
	t.Helper()
	var got []string
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var doc map[string]map[string]json.RawMessage
		if err := dec.Decode(&doc); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("%s: cannot parse the JSON output: %v\n%s", what, err, ctClip(out))
		}
		for pkg, byAnalyzer := range doc {
			for analyzer, raw := range byAnalyzer {
				var diags []struct{ Posn string }
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Errorf("%s: %s: %s: not a list of diagnostics: %s", what, pkg, analyzer, raw)
					continue
				}
				for _, d := range diags {
					got = append(got, ctPosn(dir, d.Posn)+": "+analyzer)
				}
			}
		}
	}
	slices.Sort(got)
	return slices.Compact(got)
}

// ctPosn turns "file:line:col" into "relfile:line".
func ctPosn(dir, posn string) string {
	m := regexp.MustCompile(`^(.*):(\d+):(\d+)$`).FindStringSubmatch(posn)
	if m == nil {
		return posn
	}
	file := m[1]
	if filepath.IsAbs(file) {
		for _, base := range []string{dir, ctEval(dir)} {
			if rel, err := filepath.Rel(base, ctEval(file)); err == nil && !strings.HasPrefix(rel, "..") {
				file = rel
				break
			}
		}
	}
	return filepath.ToSlash(file) + ":" + m[2]
}

func ctEval(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return path
}

// ctBothModes runs fifolint -json and go vet -vettool -json on ./... in
// dir and checks that both exit 0 and report exactly want ("file:line:
// analyzer"). env is added to both runs.
func ctBothModes(t *testing.T, bin, dir string, env []string, want []string) {
	t.Helper()
	slices.Sort(want)
	r := ctRun(t, dir, env, bin, "-json", "./...")
	if r.code != 0 {
		t.Errorf("fifolint -json ./...: exit %d, want 0\n%s", r.code, ctClip(r.stderr))
	}
	if got := ctFindings(t, dir, "fifolint -json", r.stdout); !slices.Equal(got, want) {
		t.Errorf("fifolint -json ./...: findings\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	r = ctRun(t, dir, env, "go", "vet", "-vettool="+bin, "-json", "./...")
	if r.code != 0 {
		t.Errorf("go vet -vettool=fifolint -json ./...: exit %d, want 0\n%s", r.code, ctClip(r.stderr))
	}
	if got := ctFindings(t, dir, "go vet -json", r.stdout); !slices.Equal(got, want) {
		t.Errorf("go vet -vettool=fifolint -json ./...: findings\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func ctSkipShort(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: builds fifolint and runs it and go vet on temporary modules")
	}
}

// ctSend is a file of package pkg whose function name sends with the
// constant group id group, on the line marked by the returned line number.
func ctSend(pkg, header, name, group string) (src string, line int) {
	src = header + "package " + pkg + `

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func ` + name + `(ctx context.Context, c *sqs.Client) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId: aws.String("` + group + `"),
	})
	return err
}
`
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "MessageGroupId:") {
			line = i + 1
		}
	}
	return src, line
}

// TestConstructsTypeErrors: a package with a type error is reported as a
// clear error (the compiler's message at its position), the exit status
// is 1, and nothing crashes; a sound package beside it is still analysed.
func TestConstructsTypeErrors(t *testing.T) {
	ctSkipShort(t)
	bin := ctBuild(t)
	good, goodLine := ctSend("good", "", "Send", "fixed")
	dir := ctModule(t, "typeerrors", map[string]string{
		"good/good.go": good,
		"bad/bad.go": `package bad

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Send(ctx context.Context, c *sqs.Client) error {
	var n int = "not a number"
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String("g"), Bogus: n})
	return err
}
`,
	})
	typeErr := regexp.MustCompile(`bad[/\\]bad\.go:11:14: cannot use "not a number"`)
	fieldErr := regexp.MustCompile(`bad[/\\]bad\.go:12:\d+: unknown field Bogus`)

	t.Run("standalone", func(t *testing.T) {
		r := ctRun(t, dir, nil, bin, "./...")
		if r.code != 1 {
			t.Errorf("fifolint ./...: exit %d, want 1 (errors)\n%s", r.code, r.stderr)
		}
		// Each type error once, in the compiler's form, and nothing that
		// names an internal analyzer or an empty position.
		for _, re := range []*regexp.Regexp{typeErr, fieldErr} {
			if n := len(re.FindAllString(r.stderr, -1)); n != 1 {
				t.Errorf("fifolint ./...: stderr has %d lines matching %s, want 1:\n%s", n, re, r.stderr)
			}
		}
		for _, bad := range []string{"fifoorigin", "analysis skipped", "-: "} {
			if strings.Contains(r.stderr, bad) {
				t.Errorf("fifolint ./...: stderr contains %q:\n%s", bad, r.stderr)
			}
		}
		if !strings.Contains(r.stderr, fmt.Sprintf("good.go:%d:", goodLine)) {
			t.Errorf("fifolint ./...: the sound package's finding (good.go:%d) is missing:\n%s", goodLine, r.stderr)
		}
	})
	t.Run("standalone-json", func(t *testing.T) {
		r := ctRun(t, dir, nil, bin, "-json", "./...")
		if r.code != 1 {
			t.Errorf("fifolint -json ./...: exit %d, want 1 (errors)\n%s", r.code, r.stderr)
		}
		if !typeErr.MatchString(r.stderr) {
			t.Errorf("fifolint -json ./...: stderr lacks %s:\n%s", typeErr, r.stderr)
		}
		// The JSON document stays well-formed, and the sound package's
		// finding is there; the broken package's errors are on stderr.
		var doc map[string]map[string]json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("fifolint -json ./...: stdout is not one JSON document: %v\n%s", err, r.stdout)
		}
		if raw := doc["example.com/typeerrors/good"]["groupid"]; !strings.Contains(string(raw), fmt.Sprintf("good.go:%d:", goodLine)) {
			t.Errorf("fifolint -json ./...: no groupid finding for good.go:%d:\n%s", goodLine, r.stdout)
		}
		if bad, ok := doc["example.com/typeerrors/bad"]; ok {
			t.Errorf("fifolint -json ./...: entries for the package that does not type-check: %s", bad)
		}
	})
	t.Run("vet", func(t *testing.T) {
		r := ctRun(t, dir, nil, "go", "vet", "-vettool="+bin, "./...")
		if r.code != 1 {
			t.Errorf("go vet ./...: exit %d, want 1\n%s", r.code, r.stderr)
		}
		if !typeErr.MatchString(r.stderr) {
			t.Errorf("go vet ./...: stderr lacks %s:\n%s", typeErr, r.stderr)
		}
		r = ctRun(t, dir, nil, "go", "vet", "-vettool="+bin, "./good")
		if r.code != 1 || !strings.Contains(r.stderr, fmt.Sprintf("good.go:%d:", goodLine)) {
			t.Errorf("go vet ./good: exit %d, want 1 with the finding at good.go:%d\n%s", r.code, goodLine, r.stderr)
		}
	})
}

// TestConstructsCgo: a package with import "C" is analysed in both modes,
// and its finding is reported at the line of the .go file the user wrote
// (not of the cgo-generated file).
func TestConstructsCgo(t *testing.T) {
	ctSkipShort(t)
	if _, err := exec.LookPath("gcc"); err != nil {
		if _, err := exec.LookPath("cc"); err != nil {
			testmodules.SkipMissingTool(t, "no C compiler (gcc or cc) on PATH: the cgo test needs one")
		}
	}
	bin := ctBuild(t)
	src, line := ctSend("cgopkg", "", "Send", "cgo-group")
	// Make the same file a cgo file: import "C" and use it.
	src = strings.Replace(src, "import (\n", "// static int twice(int x) { return 2 * x; }\nimport \"C\"\n\nimport (\n", 1)
	line += 3
	src += "\n// Twice calls C.\nfunc Twice(x int) int { return int(C.twice(C.int(x))) }\n"
	dir := ctModule(t, "cgo", map[string]string{"cgopkg/cgo.go": src})
	ctBothModes(t, bin, dir, []string{"CGO_ENABLED=1"}, []string{fmt.Sprintf("cgopkg/cgo.go:%d: groupid", line)})
}

// TestConstructsBuildTags: a file excluded by its build constraint is not
// analysed, one included is; -tags flips them. The standalone command has
// no -tags flag of its own and takes the tags from GOFLAGS, like go list;
// go vet takes -tags on its command line (or from GOFLAGS).
func TestConstructsBuildTags(t *testing.T) {
	ctSkipShort(t)
	bin := ctBuild(t)
	on, onLine := ctSend("tagged", "//go:build fifolint_ct_tag\n\n", "Send", "only-with-tag")
	off, offLine := ctSend("tagged", "//go:build !fifolint_ct_tag\n\n", "Send", "only-without-tag")
	dir := ctModule(t, "buildtags", map[string]string{"tagged/on.go": on, "tagged/off.go": off})
	wantOff := []string{fmt.Sprintf("tagged/off.go:%d: groupid", offLine)}
	wantOn := []string{fmt.Sprintf("tagged/on.go:%d: groupid", onLine)}

	t.Run("default", func(t *testing.T) {
		ctBothModes(t, bin, dir, nil, wantOff)
	})
	t.Run("standalone-GOFLAGS-tags", func(t *testing.T) {
		r := ctRun(t, dir, []string{"GOFLAGS=-tags=fifolint_ct_tag"}, bin, "-json", "./...")
		if r.code != 0 {
			t.Errorf("fifolint -json ./...: exit %d, want 0\n%s", r.code, ctClip(r.stderr))
		}
		if got := ctFindings(t, dir, "fifolint -json", r.stdout); !slices.Equal(got, wantOn) {
			t.Errorf("GOFLAGS=-tags=fifolint_ct_tag fifolint -json ./...: findings %v, want %v", got, wantOn)
		}
	})
	// go vet forwards -tags to the tool, because the tool's -flags lists
	// unitchecker's no-op legacy flags (-tags, -source, -all, -v).
	t.Run("vet-tags", func(t *testing.T) {
		r := ctRun(t, dir, nil, "go", "vet", "-tags=fifolint_ct_tag", "-vettool="+bin, "-json", "./...")
		if r.code != 0 {
			t.Errorf("go vet -tags=fifolint_ct_tag -vettool=fifolint -json ./...: exit %d, want 0\n%s", r.code, ctClip(r.stderr))
		}
		if got := ctFindings(t, dir, "go vet -json", r.stdout); !slices.Equal(got, wantOn) {
			t.Errorf("go vet -tags=fifolint_ct_tag -vettool=fifolint -json ./...: findings %v, want %v", got, wantOn)
		}
	})
}

// TestConstructsGenerated: findings are reported in generated files (the
// documented choice: the generator's template is what needs fixing), in
// both modes, like in a hand-written file beside it.
func TestConstructsGenerated(t *testing.T) {
	ctSkipShort(t)
	bin := ctBuild(t)
	gen, genLine := ctSend("gen", "// Code generated by ctgen. DO NOT EDIT.\n\n", "Generated", "from-template")
	hand, handLine := ctSend("gen", "", "Hand", "by-hand")
	dir := ctModule(t, "generated", map[string]string{"gen/zz_generated.go": gen, "gen/hand.go": hand})
	ctBothModes(t, bin, dir, nil, []string{
		fmt.Sprintf("gen/hand.go:%d: groupid", handLine),
		fmt.Sprintf("gen/zz_generated.go:%d: groupid", genLine),
	})
}

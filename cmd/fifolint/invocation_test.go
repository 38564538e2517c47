package main

// Bad invocations of the fifolint binary, standalone and as a go vet tool,
// the exit statuses, and the determinism of its output. The helpers (ct*)
// are in constructs_test.go.
//
// Exit statuses of the standalone command (the README's table, which
// TestREADMEExitCodes compares with the cases of TestInvocation):
//
//	0  clean (and -json, whatever it found)
//	1  errors: packages that cannot be loaded or analysed, patterns that
//	   match nothing, no patterns at all (as multichecker); they win over
//	   findings
//	2  usage: unknown flag or pass switch, bad flag value, -diff without -fix
//	3  findings (text mode), or findings left after -fix

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fifolint/fifolint/internal/testmodules"
)

// ctCase is one invocation and what it must do.
type ctCase struct {
	name   string
	args   []string
	code   int
	stderr string // regexp that stderr must match
	stdout string // regexp that stdout must match, if set
}

func ctCheck(t *testing.T, what string, r ctResult, c ctCase) {
	t.Helper()
	if r.code != c.code {
		t.Errorf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", what, r.code, c.code, ctClip(r.stdout), ctClip(r.stderr))
	}
	if c.stderr != "" && !regexp.MustCompile(c.stderr).MatchString(r.stderr) {
		t.Errorf("%s: stderr does not match %s:\n%s", what, c.stderr, ctClip(r.stderr))
	}
	if c.stdout != "" && !regexp.MustCompile(c.stdout).MatchString(r.stdout) {
		t.Errorf("%s: stdout does not match %s:\n%s", what, c.stdout, ctClip(r.stdout))
	}
}

// TestInvocation runs the standalone command with bad and good command
// lines on a small module and checks the messages and exit statuses.
func TestInvocation(t *testing.T) {
	ctSkipShort(t)
	bin := ctBuild(t)
	bug, bugLine := ctSend("app", "", "Send", "fixed")
	dir := ctModule(t, "invocation", map[string]string{
		"app/app.go": bug,
		"clean/clean.go": `package clean

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Send(ctx context.Context, c *sqs.Client, customer string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(customer)})
	if err != nil {
		return err
	}
	return nil
}
`,
		"empty/README": "no Go files here\n",
	})
	for _, c := range invocationCases(bugLine) {
		t.Run(c.name, func(t *testing.T) {
			r := ctRun(t, dir, nil, bin, c.args...)
			ctCheck(t, "fifolint "+strings.Join(c.args, " "), r, c)
		})
	}
}

// invocationCases are the command lines of TestInvocation, on a module
// whose app/app.go has a constant group id at line bugLine.
func invocationCases(bugLine int) []ctCase {
	finding := fmt.Sprintf(`app[/\\]app\.go:%d:\d+: MessageGroupId is constant "fixed".* \(groupid\)\n`, bugLine)
	usage := `Run 'fifolint -h' for the list of flags`
	return []ctCase{
		// Exit 2: usage errors, reported before anything is loaded.
		{"unknown pass switch", []string{"-nosuchpass", "./..."}, 2, `flag provided but not defined: -nosuchpass\n` + usage, ""},
		{"unknown analyzer flag", []string{"-groupid.nosuch=1", "./..."}, 2, `flag provided but not defined: -groupid\.nosuch\n` + usage, ""},
		{"unknown flag", []string{"-bogus", "./..."}, 2, `flag provided but not defined: -bogus\n` + usage, ""},
		{"bad switch value", []string{"-groupid=maybe", "./..."}, 2, `invalid boolean value "maybe" for -groupid`, ""},
		{"diff without fix", []string{"-diff", "./..."}, 2, `-diff requires -fix`, ""},

		// Exit 1: nothing (or nothing loadable) to analyse.
		{"no patterns", nil, 1, `Usage: fifolint \[-flag\] \[package\]`, ""},
		{"pattern matches nothing", []string{"./nosuch..."}, 1, `\./nosuch\.\.\. matched no packages`, ""},
		{"wildcard in dir without Go files", []string{"./empty/..."}, 1, `\./empty/\.\.\. matched no packages`, ""},
		{"dir without Go files", []string{"./empty"}, 1, `no Go files in .*empty`, ""},
		{"missing dir", []string{"./missing"}, 1, `missing: directory not found`, ""},
		{"missing dir wildcard", []string{"./missing/..."}, 1, `pattern \./missing/\.\.\.: .*no such file or directory`, ""},
		{"unknown package", []string{"example.com/nosuch/pkg"}, 1, `no required module provides package example\.com/nosuch/pkg`, ""},
		{"help for unknown analyzer", []string{"help", "nosuch"}, 1, `no analyzer named "nosuch"`, ""},

		// Exit 0 and 3.
		{"clean", []string{"./clean"}, 0, `^$`, ""},
		{"findings", []string{"./..."}, 3, finding, ""},
		{"findings, json", []string{"-json", "./..."}, 0, `^$`, `"example.com/invocation/app"`},
		{"pass switched off", []string{"-groupid=false", "./app"}, 0, `^$`, ""},
		{"only another pass", []string{"-errswallow", "./app"}, 0, `^$`, ""},
		{"help", []string{"help"}, 0, "", `groupid`},
		{"help pass", []string{"help", "dedupid"}, 0, "", `-dedupid\.clock`},
		{"version", []string{"-version"}, 0, `^$`, `^fifolint \S+ .*go1\.\S+\n$`},
		{"module in a subdirectory", []string{"-C", "app", "."}, 3, finding, ""},

		// Errors win over findings; what -fix cannot fix is printed.
		{"findings and a load error", []string{"./app", "./missing"}, 1, `(?s)missing: directory not found.*` + finding, ""},
		{"findings left after -fix", []string{"-fix", "./app"}, 3, finding + `(?:.*\n)*fifolint: 1 of 1 findings have no fix applied`, `^$`},
	}
}

// TestREADMEExitCodes: the README's table of exit statuses lists exactly
// the statuses TestInvocation checks.
func TestREADMEExitCodes(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(testmodules.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var documented []int
	for _, m := range regexp.MustCompile(`(?m)^\| (\d) \| .* \|$`).FindAllStringSubmatch(string(readme), -1) {
		code, _ := strconv.Atoi(m[1])
		documented = append(documented, code)
	}
	var tested []int
	for _, c := range invocationCases(1) {
		tested = append(tested, c.code)
	}
	slices.Sort(tested)
	tested = slices.Compact(tested)
	if !slices.Equal(documented, tested) {
		t.Errorf("README.md documents exit statuses %v; TestInvocation checks %v", documented, tested)
	}
}

// TestInvocationDirectives: malformed //fifolint:ignore directives are
// reported, not silently ignored, standalone and under go vet: one without
// a reason (which then suppresses nothing), one naming an unknown pass,
// one naming nothing, and a dedupid one without a reason, whose message
// suggests a reason that fits dedupid.
func TestInvocationDirectives(t *testing.T) {
	ctSkipShort(t)
	bin := ctBuild(t)
	dir := ctModule(t, "directives", map[string]string{"d/d.go": `package d

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func NoReason(ctx context.Context, c *sqs.Client) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId: aws.String("fixed"), //fifolint:ignore groupid
	})
	return err
}

func UnknownPass(ctx context.Context, c *sqs.Client) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId: aws.String("fixed"), //fifolint:ignore grupid typo in the pass name
	})
	return err
}

func Empty(ctx context.Context, c *sqs.Client) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		//fifolint:ignore
		MessageGroupId: aws.String("fixed"),
	})
	return err
}

func NoReasonDedup(ctx context.Context, c *sqs.Client, customer string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId:         aws.String(customer),
		MessageDeduplicationId: aws.String("fixed"), //fifolint:ignore dedupid
	})
	return err
}
`})
	// Each directive is reported on its own line; the findings it fails to
	// suppress are reported too.
	want := []*regexp.Regexp{
		regexp.MustCompile(`d[/\\]d\.go:12:\d+: MessageGroupId is constant "fixed"`),
		regexp.MustCompile(`d[/\\]d\.go:12:\d+: .*directive has no reason`),
		regexp.MustCompile(`d[/\\]d\.go:19:\d+: MessageGroupId is constant "fixed"`),
		regexp.MustCompile(`d[/\\]d\.go:19:\d+: .*unknown pass "grupid"`),
		regexp.MustCompile(`d[/\\]d\.go:26:\d+: .*malformed //fifolint:ignore directive`),
		regexp.MustCompile(`d[/\\]d\.go:27:\d+: MessageGroupId is constant "fixed"`),
		// The example in the message fits the pass it names.
		regexp.MustCompile(`d[/\\]d\.go:35:\d+: .*directive has no reason.*e\.g\. //fifolint:ignore dedupid one message per tenant`),
	}
	for _, mode := range []struct {
		name string
		code int
		cmd  []string
	}{
		{"standalone", 3, []string{bin, "./..."}},
		{"vet", 1, []string{"go", "vet", "-vettool=" + bin, "./..."}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			r := ctRun(t, dir, nil, mode.cmd[0], mode.cmd[1:]...)
			if r.code != mode.code {
				t.Errorf("%s: exit %d, want %d\n%s", strings.Join(mode.cmd, " "), r.code, mode.code, ctClip(r.stderr))
			}
			for _, re := range want {
				if !re.MatchString(r.stderr) {
					t.Errorf("%s: no line matches %s:\n%s", strings.Join(mode.cmd, " "), re, ctClip(r.stderr))
				}
			}
		})
	}
}

// TestInvocationVettool documents what go vet does with a bad -vettool: a
// path that does not exist is an error before anything is vetted (exit 2);
// a relative name is resolved against the current directory, not PATH;
// and an EMPTY -vettool= silently runs the standard vet checks instead, so
// fifolint's findings are lost and go vet exits 0. Scripts must check that
// the fifolint path they pass is not empty.
func TestInvocationVettool(t *testing.T) {
	ctSkipShort(t)
	bin := ctBuild(t)
	bug, _ := ctSend("app", "", "Send", "fixed")
	dir := ctModule(t, "vettool", map[string]string{"app/app.go": bug})

	for _, c := range []ctCase{
		{"missing tool", []string{"vet", "-vettool=/does/not/exist", "./..."}, 2,
			`go: /does/not/exist -flags failed: fork/exec /does/not/exist: no such file or directory`, ""},
		{"relative name is not looked up in PATH", []string{"vet", "-vettool=fifolint", "./..."}, 2,
			regexp.QuoteMeta(filepath.Join(dir, "fifolint")) + ` -flags failed: fork/exec .*: no such file or directory`, ""},
		{"empty tool runs the standard vet", []string{"vet", "-vettool=", "./..."}, 0, `^$`, `^$`},
		{"unknown pass switch", []string{"vet", "-vettool=" + bin, "-nosuchpass", "./..."}, 2,
			`flag provided but not defined: -nosuchpass`, ""},
		{"real tool", []string{"vet", "-vettool=" + bin, "./..."}, 1, `app[/\\]app\.go:\d+:\d+: MessageGroupId is constant "fixed"`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := ctRun(t, dir, nil, "go", c.args...)
			ctCheck(t, "go "+strings.Join(c.args, " "), r, c)
		})
	}
}

// TestDeterministicOutput runs the binary three times over testdata/corpus, with
// different GOMAXPROCS to shake up the scheduling, and compares the output
// bytes: text (stderr), -json (stdout), and -sarif when the command has
// that flag; and -fix -diff likewise over passes/errswallow/testdata/fixes
// (the corpus has no suggested fixes).
func TestDeterministicOutput(t *testing.T) {
	ctSkipShort(t)
	bin := ctBuild(t)
	root := testmodules.RepoRoot(t)
	corpus := filepath.Join(root, "testdata", "corpus")
	fixes := filepath.Join(root, "passes", "errswallow", "testdata")
	for _, dir := range []string{corpus, fixes} {
		if r := ctRun(t, dir, nil, "go", "mod", "download"); r.code != 0 {
			t.Fatalf("go mod download in %s: exit %d\n%s", dir, r.code, r.stderr)
		}
	}

	type run struct {
		dir  string
		args []string
	}
	runs := []run{
		{corpus, []string{"./..."}},
		{corpus, []string{"-json", "./..."}},
		{fixes, []string{"-fix", "-diff", "./fixes"}},
	}
	help := ctRun(t, corpus, nil, bin, "-h")
	if regexp.MustCompile(`(?m)^\s+-sarif\b`).MatchString(help.stderr + help.stdout) {
		runs = append(runs, run{corpus, []string{"-sarif", "./..."}})
	} else {
		t.Log("the command has no -sarif flag (yet): not checked")
	}
	for _, r := range runs {
		t.Run(strings.Join(r.args, " "), func(t *testing.T) {
			first := ctRun(t, r.dir, []string{"GOMAXPROCS=1"}, bin, r.args...)
			if first.stdout+first.stderr == "" {
				t.Fatalf("fifolint %s printed nothing in %s (exit %d)", strings.Join(r.args, " "), r.dir, first.code)
			}
			for _, procs := range []string{"2", "8"} {
				next := ctRun(t, r.dir, []string{"GOMAXPROCS=" + procs}, bin, r.args...)
				if first.code != next.code {
					t.Errorf("GOMAXPROCS=1: exit %d; GOMAXPROCS=%s: exit %d", first.code, procs, next.code)
				}
				if first.stdout != next.stdout {
					t.Errorf("stdout differs between GOMAXPROCS=1 and GOMAXPROCS=%s:\n%s", procs, ctFirstDiff(first.stdout, next.stdout))
				}
				if first.stderr != next.stderr {
					t.Errorf("stderr differs between GOMAXPROCS=1 and GOMAXPROCS=%s:\n%s", procs, ctFirstDiff(first.stderr, next.stderr))
				}
			}
		})
	}
}

// ctFirstDiff shows the first line where a and b differ.
func ctFirstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n\tfirst:  %q\n\tsecond: %q", i+1, x, y)
		}
	}
	return "(same lines)"
}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fifolint/fifolint/internal/testmodules"
)

// agreementModules are checked for agreement only: the analysistest
// modules of the passes and of the origin analysis mark their expected
// diagnostics with // want comments, not with BUG markers, and TestE2E
// checks that standalone fifolint and go vet report the same in them,
// whatever package is named.
var agreementModules = []string{
	"internal/fifoqueue/testdata",
	"internal/origin/testdata",
	"passes/dedupid/testdata",
	"passes/errswallow/testdata",
	"passes/fifoparams/testdata",
	"passes/groupid/testdata",
}

// checkEachPackage checks that for every package P of the module in dir,
// "fifolint P" reports, inside P's directory, exactly what go vet
// reported there for ./... (vet): go vet analyses every dependency for
// facts, so its answer for P does not depend on the patterns, and
// standalone fifolint must not either.
func checkEachPackage(t *testing.T, bin, dir string, env []string, vet findings) {
	t.Helper()
	stdout, stderr, code := run(t, dir, env, "go", "list", "-json=ImportPath,Dir", "./...")
	if code != 0 {
		t.Fatalf("go list ./... in %s: exit %d\n%s", dir, code, clip(stderr))
	}
	dec := json.NewDecoder(bytes.NewReader(stdout))
	for {
		var pkg struct{ ImportPath, Dir string }
		if err := dec.Decode(&pkg); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go list ./... in %s: %v", dir, err)
		}
		out, stderr, code := run(t, dir, env, bin, "-json", pkg.ImportPath)
		if code != 0 {
			t.Errorf("fifolint -json %s: exit %d, want 0\nstderr:\n%s", pkg.ImportPath, code, clip(stderr))
			continue
		}
		pkgDir := relFile(dir, pkg.Dir)
		alone := inDir(parseJSONStream(t, dir, "fifolint -json "+pkg.ImportPath, out), pkgDir)
		if onlyAlone, onlyVet := diff(alone, inDir(vet, pkgDir)); len(onlyAlone)+len(onlyVet) > 0 {
			t.Errorf("fifolint %s and go vet ./... disagree inside %s:\nonly fifolint %[1]s:\n%s\nonly go vet:\n%s",
				pkg.ImportPath, pkgDir, list(alone, onlyAlone), list(vet, onlyVet))
		}
	}
}

// inDir returns the findings of fs in files directly in the directory
// rel (slash-separated, relative to the module root; "." for the root).
func inDir(fs findings, rel string) findings {
	sub := findings{}
	for k, msgs := range fs {
		if path.Dir(k.File) == rel {
			sub[k] = msgs
		}
	}
	return sub
}

// checkAgreement checks the module in dir for agreement between the
// modes, without markers: standalone on ./... and on each package against
// go vet on ./....
func checkAgreement(t *testing.T, bin, vetTool, dir string) {
	env := testmodules.Env()
	if _, stderr, code := run(t, dir, env, "go", "mod", "download"); code != 0 {
		t.Fatalf("go mod download in %s: exit %d\n%s", dir, code, clip(stderr))
	}
	stdout, stderr, code := run(t, dir, env, "go", "vet", "-vettool="+vetTool, "-json", "./...")
	if code != 0 {
		t.Fatalf("go vet -vettool=fifolint -json ./...: exit %d, want 0\nstderr:\n%s", code, clip(stderr))
	}
	vet := parseJSONStream(t, dir, "go vet -json", stdout)
	stdout, stderr, code = run(t, dir, env, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("fifolint -json ./...: exit %d, want 0\nstderr:\n%s", code, clip(stderr))
	}
	if onlyAlone, onlyVet := diff(parseJSONStream(t, dir, "fifolint -json", stdout), vet); len(onlyAlone)+len(onlyVet) > 0 {
		t.Errorf("fifolint ./... and go vet ./... disagree:\nonly fifolint: %v\nonly go vet: %v", onlyAlone, onlyVet)
	}
	checkEachPackage(t, bin, dir, env, vet)
}

// TestThirdPartyHelpers checks where go vet and standalone fifolint may
// differ, and only there: a helper in a third-party module (here a module
// with a version, replaced by a directory) that imports no SQS or SNS
// package. Under go vet its clock helper is still understood, from the
// fact its fact-only run exports; its constant helper is not, exactly as
// standalone, which does not read the module; standalone understands the
// clock helper once -dedupid.clock names it.
func TestThirdPartyHelpers(t *testing.T) {
	ctSkipShort(t)
	bin := ctBuild(t)
	const app = `package app

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/idgen"
)

func Send(ctx context.Context, c *sqs.Client, body string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String("https://sqs.eu-west-1.amazonaws.com/123456789012/events.fifo"),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String(idgen.Stream()),
		MessageDeduplicationId: aws.String(idgen.Stamp()),
	})
	return err
}
`
	dir := ctModule(t, "helpers", map[string]string{
		"app/app.go":   app,
		"idgen/go.mod": "module example.com/idgen\n\ngo 1.22\n",
		"idgen/idgen.go": "package idgen\n\nimport (\n\t\"strconv\"\n\t\"time\"\n)\n\n" +
			"// Stamp returns the time in nanoseconds.\nfunc Stamp() string { return strconv.FormatInt(time.Now().UnixNano(), 10) }\n\n" +
			"// Stream names the one ordered stream of events.\nfunc Stream() string { return \"events\" }\n",
	})
	gomod := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "\nrequire example.com/idgen v1.0.0\n\nreplace example.com/idgen v1.0.0 => ./idgen\n"...)
	if err := os.WriteFile(gomod, data, 0o644); err != nil {
		t.Fatal(err)
	}

	stampLine := ""
	for i, l := range strings.Split(app, "\n") {
		if strings.Contains(l, "MessageDeduplicationId:") {
			stampLine = fmt.Sprintf("app/app.go:%d: dedupid", i+1)
		}
	}
	r := ctRun(t, dir, nil, "go", "vet", "-vettool="+bin, "-json", "./...")
	if got := ctFindings(t, dir, "go vet -json", r.stdout); !slices.Equal(got, []string{stampLine}) {
		t.Errorf("go vet -vettool=fifolint: findings %q, want only %q (exit %d)\n%s", got, stampLine, r.code, ctClip(r.stderr))
	}
	r = ctRun(t, dir, nil, bin, "-json", "./...")
	if got := ctFindings(t, dir, "fifolint -json", r.stdout); len(got) != 0 {
		t.Errorf("fifolint ./...: findings %q, want none: it does not read a third-party module (exit %d)\n%s", got, r.code, ctClip(r.stderr))
	}
	r = ctRun(t, dir, nil, bin, "-json", "-dedupid.clock=example.com/idgen.Stamp", "./...")
	if got := ctFindings(t, dir, "fifolint -json -dedupid.clock", r.stdout); !slices.Equal(got, []string{stampLine}) {
		t.Errorf("fifolint -dedupid.clock=example.com/idgen.Stamp ./...: findings %q, want only %q (exit %d)\n%s", got, stampLine, r.code, ctClip(r.stderr))
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"path"
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

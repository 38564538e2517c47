package main

// TestWalkthrough is a new user's first steps, scripted: it follows the
// README's install and run steps literally, from an empty directory, and
// checks what the README says they do.
//
// The blocks it runs are marked in README.md with
// "<!-- walkthrough: NAME ... -->" comments. The only change it makes to
// them: "git clone https://github.com/fifolint/fifolint" clones a snapshot
// of this checkout (the work tree as "git add -A" would take it) instead.
// The user has a fresh GOPATH and GOBIN (on PATH, as the README asks);
// the module and build caches are the caller's, so that nothing is
// downloaded or compiled twice.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fifolint/fifolint/internal/testmodules"
)

const upstreamURL = "https://github.com/fifolint/fifolint"

func TestWalkthrough(t *testing.T) {
	ctSkipShort(t)
	if _, err := exec.LookPath("git"); err != nil {
		testmodules.SkipMissingTool(t, "git is not on PATH: the walk-through clones with it")
	}
	root := testmodules.RepoRoot(t)
	blocks := readmeBlocks(t, root)
	tmp := t.TempDir()

	upstream := filepath.Join(tmp, "upstream", "fifolint") // git clone names the clone after it
	precommitSnapshot(t, root, upstream)
	rev, code := precommitRun(t, upstream, nil, "git", "rev-parse", "HEAD")
	if code != 0 {
		t.Fatalf("git rev-parse HEAD: exit %d\n%s", code, rev)
	}
	rev = strings.TrimSpace(rev)

	home := filepath.Join(tmp, "home")
	work := filepath.Join(tmp, "work")
	for _, dir := range []string{home, work} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	caches := precommitGoEnv(t, "GOMODCACHE", "GOCACHE")
	gobin := filepath.Join(home, "go", "bin")
	env := append(os.Environ(),
		"HOME="+home,
		"GOPATH="+filepath.Join(home, "go"),
		"GOBIN="+gobin,
		"PATH="+gobin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOMODCACHE="+caches["GOMODCACHE"],
		"GOCACHE="+caches["GOCACHE"],
		"GOFLAGS=", "GOWORK=off",
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
	)
	step := func(name, dir string, wantCode int) string {
		t.Helper()
		script := blocks[name]
		out, code := precommitRun(t, dir, env, "sh", "-e", "-c", script)
		t.Logf("README block %q in %s: exit %d\n%s", name, dir, code, ctClip(out))
		if code != wantCode {
			t.Fatalf("README block %q: exit %d, want %d\n%s\n%s", name, code, wantCode, script, ctClip(out))
		}
		ctNoCrash(t, name, ctResult{stderr: out, code: code})
		return out
	}

	// Install: clone, go install, fifolint -version.
	if n := strings.Count(blocks["install"], upstreamURL); n != 1 {
		t.Fatalf("the install block names %s %d times, want once:\n%s", upstreamURL, n, blocks["install"])
	}
	blocks["install"] = strings.Replace(blocks["install"], upstreamURL, upstream, 1)
	out := step("install", work, 0)
	if _, err := os.Stat(filepath.Join(gobin, "fifolint")); err != nil {
		t.Errorf("go install left no fifolint in GOBIN: %v", err)
	}
	version := regexp.MustCompile(`(?m)^fifolint \S+ .*\bvcs\.revision=` + rev + `\b.* go1\.\S+$`)
	if !version.MatchString(out) {
		t.Errorf("fifolint -version does not say fifolint, a version, the revision %s and the Go release:\n%s", rev, out)
	}

	// The example: findings at every marker, each naming its pass, exit 3.
	clone := filepath.Join(work, "fifolint")
	example := filepath.Join(clone, "examples", "orders")
	markers := precommitMarkers(t, example)
	if len(markers) == 0 {
		t.Fatal("examples/orders has no // BUG(...) markers")
	}
	for _, run := range []struct{ name, dir string }{{"example", clone}, {"vet", example}} {
		wantCode := 3
		if run.name == "vet" {
			wantCode = 1
		}
		out := step(run.name, run.dir, wantCode)
		for _, m := range markers {
			if !strings.Contains(out, m) {
				t.Errorf("README block %q: no finding at %s", run.name, m)
			}
		}
		findingLine := regexp.MustCompile(`(?m)^\S+\.go:\d+:\d+: .* \((groupid|dedupid|errswallow|fifoparams)\)$`)
		for line := range strings.Lines(out) {
			line = strings.TrimSuffix(line, "\n")
			if regexp.MustCompile(`^\S+\.go:\d+:\d+: [^\t]`).MatchString(line) && !findingLine.MatchString(line) {
				t.Errorf("README block %q: a finding that does not end in its pass name: %s", run.name, line)
			}
		}
	}
}

// readmeBlocks returns the sh blocks of README.md that follow a
// "<!-- walkthrough: NAME ... -->" line, by NAME.
func readmeBlocks(t *testing.T, root string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?m)^<!-- walkthrough: (\\w+)[^\n]*-->\n```sh\n((?s:.*?))```\n")
	blocks := make(map[string]string)
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		blocks[m[1]] = m[2]
	}
	for _, name := range []string{"install", "example", "vet"} {
		if blocks[name] == "" {
			t.Fatalf("README.md has no sh block marked <!-- walkthrough: %s -->", name)
		}
	}
	return blocks
}

package main

// Integration test of the pre-commit hooks in .pre-commit-hooks.yaml: it
// runs "pre-commit try-repo" with a snapshot of this checkout as the hook
// repository, on a git repository holding a copy of examples/orders.
// Both hooks must fail on the buggy module, printing the diagnostics of
// the lines marked // BUG(...), then pass once the files with markers are
// removed.
//
// It needs pre-commit (Debian's package "pre-commit"; CI installs it) and
// git. Without pre-commit it fails, unless FIFOLINT_SKIP_PRECOMMIT=1.
// go test -short skips it: each try-repo builds fifolint in a fresh
// pre-commit environment, which takes a minute or so in all.
//
// pre-commit builds with the Go on PATH ("system"), which go test puts
// first, and the test gives the hooks the caller's GOMODCACHE and GOCACHE,
// so nothing is downloaded that the caller's caches already hold. It
// checks that pre-commit did not try to download a Go toolchain.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fifolint/fifolint/internal/testmodules"
)

const skipPrecommitEnv = "FIFOLINT_SKIP_PRECOMMIT"

// precommitSample is the module the hooks run on, relative to the
// repository root.
const precommitSample = "examples/orders"

func TestPrecommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the pre-commit integration test in -short mode")
	}
	precommit, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv(skipPrecommitEnv) == "1" {
			t.Skipf("pre-commit is not on PATH and %s=1", skipPrecommitEnv)
		}
		t.Fatalf("pre-commit is not on PATH: install Debian's pre-commit package (apt-get install pre-commit), "+
			"or set %s=1 to skip this test", skipPrecommitEnv)
	}
	if _, err := exec.LookPath("git"); err != nil {
		testmodules.SkipMissingTool(t, "git is not on PATH: the pre-commit test needs it")
	}
	root := precommitRepoRoot(t)
	tmp := t.TempDir()

	// The caller's caches, exported: pre-commit sets GOPATH to its
	// environment while it builds the hook, which would otherwise move
	// the module cache there and download everything again.
	goEnv := precommitGoEnv(t, "GOMODCACHE", "GOCACHE")
	env := append(os.Environ(),
		"GOMODCACHE="+goEnv["GOMODCACHE"],
		"GOCACHE="+goEnv["GOCACHE"],
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
	)

	start := time.Now()
	hookRepo := filepath.Join(tmp, "hookrepo")
	precommitSnapshot(t, root, hookRepo)
	t.Logf("hook repository snapshot: %v", time.Since(start).Round(time.Millisecond))

	// The sample repository: examples/orders at its root. Its modules are
	// fetched first, with the caller's GOPROXY, so that a network problem
	// shows up here and not as a hook failure.
	sample := filepath.Join(tmp, "sample")
	precommitCopyTree(t, filepath.Join(root, filepath.FromSlash(precommitSample)), sample)
	if out, code := precommitRun(t, sample, append(slices.Clip(env), "GOWORK=off"), "go", "mod", "download"); code != 0 {
		t.Fatalf("go mod download in the sample: exit %d\n%s", code, out)
	}
	precommitGit(t, sample, "init", "-q")
	precommitCommitAll(t, sample, "buggy sample")
	markers := precommitMarkers(t, sample)
	if len(markers) == 0 {
		t.Fatalf("%s has no // BUG(...) markers: nothing for the hooks to find", precommitSample)
	}

	var transcript strings.Builder // everything pre-commit printed
	tryRepo := func(hook string) (string, int) {
		t.Helper()
		start := time.Now()
		out, code := precommitRun(t, sample, env, precommit, "try-repo", "--color=never", hookRepo, hook, "--all-files")
		t.Logf("pre-commit try-repo %s --all-files: exit %d in %v", hook, code, time.Since(start).Round(100*time.Millisecond))
		fmt.Fprintf(&transcript, "### %s\n%s\n", hook, out)
		return out, code
	}

	// The buggy module: both hooks fail and print the diagnostics.
	for _, hook := range []struct {
		id       string
		exitCode int // of the hook itself, as pre-commit reports it
	}{
		{"fifolint", 3},
		{"fifolint-vet", 1},
	} {
		out, code := tryRepo(hook.id)
		if code == 0 {
			t.Errorf("%s on the buggy module: pre-commit passed\n%s", hook.id, out)
			continue
		}
		if !strings.Contains(out, "Failed") || !strings.Contains(out, fmt.Sprintf("- exit code: %d", hook.exitCode)) {
			t.Errorf("%s on the buggy module: want a failure with exit code %d\n%s", hook.id, hook.exitCode, out)
		}
		for _, m := range markers {
			if !strings.Contains(out, m) {
				t.Errorf("%s on the buggy module: no diagnostic at %s", hook.id, m)
			}
		}
		if t.Failed() {
			t.Logf("%s output:\n%s", hook.id, out)
		}
	}

	// The clean module: without the files that carry markers.
	for _, file := range precommitMarkedFiles(t, sample) {
		if err := os.Remove(filepath.Join(sample, filepath.FromSlash(file))); err != nil {
			t.Fatal(err)
		}
	}
	if out, code := precommitRun(t, sample, env, "go", "build", "./..."); code != 0 {
		t.Fatalf("%s without its marked files does not build: exit %d\n%s", precommitSample, code, out)
	}
	precommitCommitAll(t, sample, "clean sample")
	for _, hook := range []string{"fifolint", "fifolint-vet"} {
		out, code := tryRepo(hook)
		if code != 0 || !strings.Contains(out, "Passed") {
			t.Errorf("%s on the clean module: exit %d, want a pass\n%s", hook, code, out)
		}
	}

	precommitSubdirectory(t, root, hookRepo, env, precommit, &transcript)

	// pre-commit uses the system Go: any language_version but system or
	// default would make it fetch one from dl.google.com, and a newer go
	// line with GOTOOLCHAIN=auto would make go fetch golang.org/toolchain.
	if m := toolchainDownload.FindString(transcript.String()); m != "" {
		t.Errorf("pre-commit or go tried to download a Go toolchain (%q):\n%s", m, transcript.String())
	}
	t.Logf("total: %v", time.Since(start).Round(100*time.Millisecond))
}

// precommitSubdirectory runs both hooks with "pre-commit run", configured
// as a user would in .pre-commit-config.yaml (the hook repository at a
// commit, before any release), on a repository whose Go module sits in a
// subdirectory: without -C the hooks fail to load anything, with -C DIR
// they report the module's findings.
func precommitSubdirectory(t *testing.T, root, hookRepo string, env []string, precommit string, transcript *strings.Builder) {
	t.Helper()
	rev, code := precommitRun(t, hookRepo, env, "git", "rev-parse", "HEAD")
	if code != 0 {
		t.Fatalf("git rev-parse HEAD in the hook repository: exit %d\n%s", code, rev)
	}
	const sub = "services/orders"
	repo := filepath.Join(t.TempDir(), "monorepo")
	precommitCopyTree(t, filepath.Join(root, filepath.FromSlash(precommitSample)), filepath.Join(repo, filepath.FromSlash(sub)))
	markers := precommitMarkers(t, filepath.Join(repo, filepath.FromSlash(sub)))
	precommitGit(t, repo, "init", "-q")

	run := func(name, args, vetArgs string) (string, int) {
		t.Helper()
		config := fmt.Sprintf(`repos:
  - repo: %s
    rev: %s
    hooks:
      - id: fifolint
%s      - id: fifolint-vet
%s`, hookRepo, strings.TrimSpace(rev), args, vetArgs)
		if err := os.WriteFile(filepath.Join(repo, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
		precommitCommitAll(t, repo, name)
		start := time.Now()
		out, code := precommitRun(t, repo, env, precommit, "run", "--color=never", "--all-files")
		t.Logf("pre-commit run --all-files (%s): exit %d in %v", name, code, time.Since(start).Round(100*time.Millisecond))
		fmt.Fprintf(transcript, "### %s\n%s\n", name, out)
		return out, code
	}

	// Without -C: go's own error, and both hooks fail.
	out, code := run("no -C", "", "")
	if code == 0 || len(hookFailed.FindAllString(out, -1)) != 2 || !strings.Contains(out, "does not contain main module") {
		t.Errorf("hooks at the repository root without -C: exit %d, want both to fail with go's error\n%s", code, out)
	}

	// With -C: the module's findings.
	out, code = run("with -C", "        args: [-C, "+sub+", ./...]\n", "        args: [-C, "+sub+"]\n")
	if code == 0 || len(hookFailed.FindAllString(out, -1)) != 2 || !strings.Contains(out, "- exit code: 3") || !strings.Contains(out, "- exit code: 1") {
		t.Errorf("hooks with -C %s: exit %d, want both to fail with exit codes 3 and 1\n%s", sub, code, out)
	}
	for _, m := range markers {
		if n := strings.Count(out, m); n < 2 {
			t.Errorf("hooks with -C %s: %d diagnostics at %s, want one from each hook", sub, n, m)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", out)
	}
}

// hookFailed matches pre-commit's line for a failed hook.
var hookFailed = regexp.MustCompile(`(?m)^fifolint.*\.\.\.Failed$`)

var toolchainDownload = regexp.MustCompile(`(?i)dl\.google\.com|golang\.org/toolchain|downloading go\b|go: downloading go1|installing go\b`)

// precommitRepoRoot returns the root of the fifolint checkout.
func precommitRepoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil || !bytes.HasPrefix(gomod, []byte("module github.com/fifolint/fifolint\n")) {
		t.Fatalf("%s is not the fifolint repository root: %v", dir, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// precommitGoEnv returns the values of go env for the named variables.
func precommitGoEnv(t *testing.T, names ...string) map[string]string {
	t.Helper()
	out, err := testmodules.Command(t, testmodules.Context(t), "go", append([]string{"env"}, names...)...).Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(names) {
		t.Fatalf("go env %s: %q", strings.Join(names, " "), out)
	}
	values := make(map[string]string)
	for i, name := range names {
		if lines[i] == "" || lines[i] == "off" {
			t.Fatalf("go env %s is %q: the test needs a module and build cache", name, lines[i])
		}
		values[name] = lines[i]
	}
	return values
}

// precommitSnapshot makes dst a git repository with one commit holding the
// checkout's files as they are in the work tree: the tracked ones and the
// untracked ones that are not ignored, as "git add -A" would take them.
// The checkout's own .git is only read.
func precommitSnapshot(t *testing.T, root, dst string) {
	t.Helper()
	files := precommitCheckoutFiles(t, root)
	for _, name := range files {
		precommitCopyFile(t, filepath.Join(root, filepath.FromSlash(name)), filepath.Join(dst, filepath.FromSlash(name)))
	}
	precommitGit(t, dst, "init", "-q")
	precommitCommitAll(t, dst, "fifolint snapshot for the pre-commit test")
}

// precommitCheckoutFiles lists the files of the checkout, slash-separated:
// from git if root is a git work tree, else every file but .git and bin.
func precommitCheckoutFiles(t *testing.T, root string) []string {
	t.Helper()
	cmd := testmodules.Command(t, testmodules.Context(t), "git", "-c", "safe.directory="+root, "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if out, err := cmd.Output(); err == nil {
		var files []string
		for name := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
			// A tracked file deleted in the work tree is left out, as
			// "git add -A" would drop it.
			if info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(name))); err == nil && (info.Mode().IsRegular() || info.Mode()&fs.ModeSymlink != 0) {
				files = append(files, name)
			}
		}
		return files
	}
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() && (d.Name() == ".git" || rel == "bin") {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// precommitCopyTree copies the files under src to dst.
func precommitCopyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		precommitCopyFile(t, path, filepath.Join(dst, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// precommitCopyFile copies a regular file (keeping its executable bits)
// or a symbolic link.
func precommitCopyFile(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(src)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(src)
		if err == nil {
			err = os.Symlink(target, dst)
		}
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644|info.Mode().Perm()&0o111); err != nil {
		t.Fatal(err)
	}
}

// precommitMarkers returns "file:line:" for every line of the sample's Go
// files that has a // BUG(...) marker: each must get a diagnostic.
func precommitMarkers(t *testing.T, dir string) []string {
	t.Helper()
	var markers []string
	for _, file := range precommitMarkedFiles(t, dir) {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if strings.Contains(sc.Text(), "// BUG(") {
				markers = append(markers, fmt.Sprintf("%s:%d:", file, line))
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return markers
}

// precommitMarkedFiles returns the Go files of dir (slash-separated,
// relative) that contain a // BUG(...) marker.
func precommitMarkedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte("// BUG(")) {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// precommitGit runs git in dir, isolated from the user's and the system's
// git configuration, and fails the test if it fails.
func precommitGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	env := append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
	args = append([]string{"-c", "init.defaultBranch=main", "-c", "user.name=fifolint test", "-c", "user.email=test@fifolint.invalid", "-c", "commit.gpgsign=false"}, args...)
	if out, code := precommitRun(t, dir, env, "git", args...); code != 0 {
		t.Fatalf("git %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
}

func precommitCommitAll(t *testing.T, dir, message string) {
	t.Helper()
	precommitGit(t, dir, "add", "-A")
	precommitGit(t, dir, "commit", "-q", "--allow-empty", "--no-verify", "-m", message)
}

// precommitRun runs a command in dir and returns its combined output and
// exit code; it fails the test if the command cannot be started.
func precommitRun(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := testmodules.Command(t, testmodules.Context(t), name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		return string(out), exitErr.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return string(out), 0
}

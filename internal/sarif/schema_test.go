package sarif

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The SARIF 2.1.0 JSON schema is not committed here: the tests read it
// from the npm package @microsoft/jest-sarif (MIT), which ships it as
// lib/schemas/sarif-2.1.0-rtm.5.json, the schema of the OASIS standard.
// Install it once (this is what .ci/run does), then the tests run offline:
//
//	dir=$(mktemp -d) && (cd "$dir" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 &&
//	  tar -xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json)
//	export FIFOLINT_SARIF_SCHEMA=$dir/package/lib/schemas/sarif-2.1.0-rtm.5.json
//
// The validator is the Go module github.com/santhosh-tekuri/jsonschema/v6,
// required only by the module in testdata/schemacheck, so that fifolint's
// own go.mod does not list it.
const (
	schemaEnv     = "FIFOLINT_SARIF_SCHEMA"
	skipSchemaEnv = "FIFOLINT_SKIP_SARIF_SCHEMA"
	// schemaSHA256 pins the content of sarif-2.1.0-rtm.5.json in
	// @microsoft/jest-sarif 1.0.0-beta.0.
	schemaSHA256 = "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"

	// multitoolEnv optionally names the Sarif.Multitool binary of the npm
	// package @microsoft/sarif-multitool-linux, whose "validate" command
	// applies GitHub's own ingestion rules (GHxxxx) on top of SARIF's.
	multitoolEnv = "FIFOLINT_SARIF_MULTITOOL"
)

// schemaFile returns the schema to validate against. Without one the test
// fails, unless FIFOLINT_SKIP_SARIF_SCHEMA=1 or -short says to skip it.
func schemaFile(t *testing.T) string {
	name := os.Getenv(schemaEnv)
	if name == "" {
		const how = "set " + schemaEnv + " to sarif-2.1.0-rtm.5.json from the npm package @microsoft/jest-sarif@1.0.0-beta.0 (see the comment in schema_test.go)"
		switch {
		case os.Getenv(skipSchemaEnv) == "1":
			t.Skip(skipSchemaEnv + "=1: not validating against the SARIF schema")
		case testing.Short():
			t.Skip("-short and no schema: " + how)
		}
		t.Fatal("no SARIF schema to validate against: " + how + ", or set " + skipSchemaEnv + "=1 to skip this test")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != schemaSHA256 {
		t.Fatalf("%s=%s: sha256 %x, want %s (sarif-2.1.0-rtm.5.json of @microsoft/jest-sarif@1.0.0-beta.0)", schemaEnv, name, sum, schemaSHA256)
	}
	return name
}

// writeLogs writes the logs the validators check: a full one, an empty
// one, and one that breaks the schema.
func writeLogs(t *testing.T) (valid []string, invalid string) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	full := encode(t, newTestInput(t).build())
	valid = []string{
		write("full.sarif", full),
		write("empty.sarif", encode(t, Build(ToolInfo{Name: "fifolint"}, nil, nil, nil, Options{SrcRoot: t.TempDir()}))),
	}

	// The same log with a bad level and an unknown top-level property.
	var broken map[string]any
	if err := json.Unmarshal(full, &broken); err != nil {
		t.Fatal(err)
	}
	broken["unknown"] = true
	object(object(broken["runs"].([]any)[0])["results"].([]any)[0])["level"] = "severe"
	data, err := json.Marshal(broken)
	if err != nil {
		t.Fatal(err)
	}
	return valid, write("broken.sarif", data)
}

func TestSchemaValidation(t *testing.T) {
	schema := schemaFile(t)
	valid, invalid := writeLogs(t)

	// Build the validator from its own module, with the caller's
	// GOPROXY, GOMODCACHE and GOCACHE (.ci/run downloads its modules).
	bin := filepath.Join(t.TempDir(), "schemacheck")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = filepath.Join("testdata", "schemacheck")
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building testdata/schemacheck: %v\n%s", err, out)
	}

	out, err := exec.Command(bin, append([]string{schema}, valid...)...).CombinedOutput()
	if err != nil {
		t.Errorf("the logs do not match the SARIF 2.1.0 schema: %v\n%s", err, out)
	}

	// The validator must catch a broken log.
	out, err = exec.Command(bin, schema, invalid).CombinedOutput()
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.ExitCode() != 1 ||
		!strings.Contains(string(out), "'unknown' not allowed") || !strings.Contains(string(out), "/runs/0/results/0/level") {
		t.Errorf("the broken log passed or failed otherwise: %v\n%s", err, out)
	}
}

// TestGitHubRules runs the SARIF Multitool's validator with its GitHub
// rules, if FIFOLINT_SARIF_MULTITOOL names it. It is optional: the
// package is large (43 MB), and checkGitHubRequirements covers GitHub's
// documented requirements without it. Install:
//
//	dir=$(mktemp -d) && (cd "$dir" && npm pack --silent @microsoft/sarif-multitool-linux@5.7.0 &&
//	  tar -xzf microsoft-sarif-multitool-linux-5.7.0.tgz && chmod +x package/Sarif.Multitool)
//	export FIFOLINT_SARIF_MULTITOOL=$dir/package/Sarif.Multitool
func TestGitHubRules(t *testing.T) {
	tool := os.Getenv(multitoolEnv)
	if tool == "" {
		t.Skip(multitoolEnv + " is not set")
	}
	valid, _ := writeLogs(t)
	if errs := multitoolErrors(t, tool, valid...); len(errs) > 0 {
		t.Errorf("the Multitool reports errors:\n%s", strings.Join(errs, "\n"))
	}

	// A result without locations breaks GitHub's rules (not the schema's):
	// the validator must say so.
	var log Log
	if err := json.Unmarshal(encode(t, newTestInput(t).build()), &log); err != nil {
		t.Fatal(err)
	}
	log.Runs[0].Results[0].Locations = nil
	data, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "nolocation.sarif")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if errs := multitoolErrors(t, tool, file); !strings.Contains(strings.Join(errs, "\n"), "GH") {
		t.Errorf("the Multitool did not apply GitHub's rules to a result without locations: %q", errs)
	}
}

// multitoolErrors validates files with the SARIF and GitHub rules and
// returns the errors (its warnings and notes are advice).
func multitoolErrors(t *testing.T, tool string, files ...string) []string {
	report := filepath.Join(t.TempDir(), "report.sarif")
	// The files come first: --log takes a list, which would swallow them.
	args := append(append([]string{"validate"}, files...), "--rule-kind", "Gh;Sarif", "--output", report, "--log", "ForceOverwrite")
	cmd := exec.Command(tool, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Level     string
				Message   struct{ Text string }
				Locations json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("the Multitool's report: %v", err)
	}
	var errs []string
	for _, run := range out.Runs {
		for _, r := range run.Results {
			if r.Level == "error" {
				errs = append(errs, r.RuleID+": "+r.Message.Text+" "+string(r.Locations))
			}
		}
	}
	return errs
}

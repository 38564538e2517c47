package sarif

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strconv"
	"testing"
)

// checkGitHubRequirements checks the properties that GitHub's "SARIF
// support for code scanning" documents as required, and its upload
// limits, on the raw JSON (not through our own types, which would hide a
// missing property behind a zero value).
func checkGitHubRequirements(t *testing.T, data []byte) {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	errorf := func(format string, args ...any) {
		t.Helper()
		t.Errorf("GitHub requirement: "+format, args...)
	}
	if log["version"] != "2.1.0" {
		errorf("version is %v, want 2.1.0", log["version"])
	}
	if s, ok := log["$schema"].(string); !ok || s == "" {
		errorf("no $schema")
	}
	runs, ok := log["runs"].([]any)
	if !ok || len(runs) == 0 || len(runs) > 20 {
		errorf("runs must be an array of 1 to 20 runs, got %v", log["runs"])
		return
	}
	for i, r := range runs {
		run := object(r)
		driver := object(object(run["tool"])["driver"])
		if name, _ := driver["name"].(string); name == "" {
			errorf("runs[%d].tool.driver.name missing", i)
		}
		ruleIDs := make(map[string]bool)
		rules, _ := driver["rules"].([]any)
		if len(rules) > 25000 {
			errorf("runs[%d]: %d rules, GitHub takes 25,000", i, len(rules))
		}
		for j, rule := range rules {
			rule := object(rule)
			id, _ := rule["id"].(string)
			if id == "" {
				errorf("runs[%d].tool.driver.rules[%d].id missing", i, j)
			}
			ruleIDs[id] = true
			// GitHub shows these three on the alert page.
			for _, key := range []string{"shortDescription", "fullDescription", "help"} {
				if text, _ := object(rule[key])["text"].(string); text == "" {
					errorf("runs[%d].tool.driver.rules[%d] (%s) has no %s.text", i, j, id, key)
				}
			}
		}
		results, ok := run["results"].([]any)
		if !ok {
			errorf("runs[%d].results missing (it must be present, even empty)", i)
		}
		if len(results) > 25000 {
			errorf("runs[%d]: %d results, GitHub takes 25,000", i, len(results))
		}
		for j, res := range results {
			res := object(res)
			where := "runs[" + strconv.Itoa(i) + "].results[" + strconv.Itoa(j) + "]"
			if id, _ := res["ruleId"].(string); !ruleIDs[id] {
				errorf("%s.ruleId %q names no rule", where, id)
			}
			if idx, ok := res["ruleIndex"].(float64); ok && (int(idx) >= len(rules) || object(rules[int(idx)])["id"] != res["ruleId"]) {
				errorf("%s.ruleIndex %v does not point at rule %v", where, idx, res["ruleId"])
			}
			text, _ := object(res["message"])["text"].(string)
			if text == "" {
				errorf("%s.message.text missing", where)
			}
			locs, _ := res["locations"].([]any)
			if len(locs) == 0 {
				errorf("%s.locations missing", where)
			}
			related, _ := res["relatedLocations"].([]any)
			if len(locs)+len(related) > 1000 {
				errorf("%s: %d locations, GitHub takes 1,000", where, len(locs)+len(related))
			}
			relatedIDs := make(map[int]bool)
			for k, loc := range append(locs, related...) {
				checkLocation(t, where+".locations["+strconv.Itoa(k)+"]", object(loc))
				if id, ok := object(loc)["id"].(float64); ok && k >= len(locs) {
					relatedIDs[int(id)] = true
				}
			}
			// Embedded links, "[text](id)", must point at related locations.
			for _, m := range linkPattern.FindAllStringSubmatch(text, -1) {
				if id, _ := strconv.Atoi(m[1]); !relatedIDs[id] {
					errorf("%s.message.text links to %s, which is no related location", where, m[1])
				}
			}
		}
	}
}

var linkPattern = regexp.MustCompile(`(?:^|[^\\])\]\((\d+)\)`)

func checkLocation(t *testing.T, where string, loc map[string]any) {
	t.Helper()
	phys := object(loc["physicalLocation"])
	if phys == nil {
		t.Errorf("GitHub requirement: %s.physicalLocation missing", where)
		return
	}
	art := object(phys["artifactLocation"])
	uri, _ := art["uri"].(string)
	u, err := url.Parse(uri)
	switch {
	case uri == "" || err != nil:
		t.Errorf("GitHub requirement: %s.physicalLocation.artifactLocation.uri %q is not a URI: %v", where, uri, err)
	case art["uriBaseId"] != nil && (u.IsAbs() || u.Path == "" || u.Path[0] == '/'):
		t.Errorf("GitHub requirement: %s: uri %q with a uriBaseId must be relative", where, uri)
	case art["uriBaseId"] == nil && u.Scheme != "file":
		t.Errorf("GitHub requirement: %s: uri %q without a uriBaseId must be an absolute file: URI", where, uri)
	}
	if line, _ := object(phys["region"])["startLine"].(float64); line < 1 {
		t.Errorf("GitHub requirement: %s.physicalLocation.region.startLine missing", where)
	}
}

func object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// Package sarif encodes analysis results as a SARIF 2.1.0 log, in the
// subset of the format that GitHub code scanning reads.
//
// The types are plain structs, so encoding/json writes the keys in a fixed
// order, and Build sorts everything it is given: the same input always
// gives byte-for-byte the same output.
//
// Reference: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
// and GitHub's "SARIF support for code scanning".
package sarif

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

const (
	// Version is the SARIF version written.
	Version = "2.1.0"
	// SchemaURI is the $schema of the log, the one GitHub's examples use.
	SchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	// SrcRoot is the base id of the relative artifact URIs: the source
	// root that Build is given.
	SrcRoot = "%SRCROOT%"
	// Level is the level of every result: go/analysis has no severities.
	Level = "warning"
)

// Log is a sarifLog object.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is a run object.
type Run struct {
	Tool               Tool                `json:"tool"`
	Invocations        []Invocation        `json:"invocations,omitempty"`
	OriginalURIBaseIDs *OriginalURIBaseIDs `json:"originalUriBaseIds,omitempty"`
	Results            []Result            `json:"results"` // GitHub requires it, even empty
}

// Tool is a tool object.
type Tool struct {
	Driver ToolComponent `json:"driver"`
}

// ToolComponent is a toolComponent object.
type ToolComponent struct {
	Name            string                `json:"name"`
	Version         string                `json:"version,omitempty"`
	SemanticVersion string                `json:"semanticVersion,omitempty"`
	InformationURI  string                `json:"informationUri,omitempty"`
	Rules           []ReportingDescriptor `json:"rules"`
}

// ReportingDescriptor is a reportingDescriptor object: a rule.
type ReportingDescriptor struct {
	ID                   string                  `json:"id"`
	ShortDescription     *Message                `json:"shortDescription,omitempty"`
	FullDescription      *Message                `json:"fullDescription,omitempty"`
	Help                 *Message                `json:"help,omitempty"`
	HelpURI              string                  `json:"helpUri,omitempty"`
	DefaultConfiguration *ReportingConfiguration `json:"defaultConfiguration,omitempty"`
}

// ReportingConfiguration is a reportingConfiguration object.
type ReportingConfiguration struct {
	Level string `json:"level"`
}

// Invocation is an invocation object.
type Invocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ToolExecutionNotifications []Notification `json:"toolExecutionNotifications,omitempty"`
}

// Notification is a notification object.
type Notification struct {
	Level   string  `json:"level"`
	Message Message `json:"message"`
}

// OriginalURIBaseIDs maps the one base id we use to an absolute URI.
type OriginalURIBaseIDs struct {
	SrcRoot ArtifactLocation `json:"%SRCROOT%"`
}

// Message is a message or multiformatMessageString object; we only
// write plain text.
type Message struct {
	Text string `json:"text"`
}

// Result is a result object.
type Result struct {
	RuleID           string     `json:"ruleId"`
	RuleIndex        int        `json:"ruleIndex"`
	Level            string     `json:"level"`
	Message          Message    `json:"message"`
	Locations        []Location `json:"locations"`
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
}

// Location is a location object. ID is set (from 1) on related locations
// only, which the result message links to.
type Location struct {
	ID               int              `json:"id,omitempty"`
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

// PhysicalLocation is a physicalLocation object.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// ArtifactLocation is an artifactLocation object.
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a region object. Columns count UTF-16 code units, SARIF's
// default columnKind; the end column is exclusive.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Input types.

// ToolInfo describes the analysis tool. SemanticVersion, if set, must be a
// Semantic Versioning 2.0 version, without the "v" of Go versions.
type ToolInfo struct {
	Name, Version, SemanticVersion, InformationURI string
}

// A Rule is one analyzer.
type Rule struct {
	ID      string // analyzer name
	Doc     string // Analyzer.Doc: a title line, then the details
	HelpURI string // Analyzer.URL
}

// A Position is a place in a source file, as go/token reports it: Line
// and Column count from 1, Column in bytes; 0 means unknown.
type Position struct {
	Filename     string
	Line, Column int
}

// A Diagnostic is one finding.
type Diagnostic struct {
	RuleID   string
	Message  string
	Pos, End Position
	Related  []Related
}

// Related is a related location of a diagnostic.
type Related struct {
	Pos, End Position
	Message  string
}

// An Error is a failure of the analysis, reported as a tool notification.
type Error struct {
	Message string
}

// Options control Build.
type Options struct {
	// SrcRoot is the absolute directory that artifact URIs are relative
	// to (with uriBaseId %SRCROOT%). Files outside it get absolute file:
	// URIs.
	SrcRoot string
	// ReadFile, if set, gives the content of source files, to turn byte
	// columns into UTF-16 columns. Without it, or if it fails, columns
	// are kept in bytes, which is the same for ASCII lines.
	ReadFile func(filename string) ([]byte, error)
}

// Build returns the log of one run of the tool with the given rules,
// diagnostics and errors. Rules and results are sorted; a diagnostic of a
// rule not in rules gets a rule with only its id.
func Build(tool ToolInfo, rules []Rule, diags []Diagnostic, errs []Error, opts Options) *Log {
	b := &builder{opts: opts, files: make(map[string][]byte)}

	rules = slices.Clone(rules)
	for _, d := range diags {
		if !slices.ContainsFunc(rules, func(r Rule) bool { return r.ID == d.RuleID }) {
			rules = append(rules, Rule{ID: d.RuleID})
		}
	}
	slices.SortFunc(rules, func(x, y Rule) int { return cmp.Compare(x.ID, y.ID) })
	rules = slices.CompactFunc(rules, func(x, y Rule) bool { return x.ID == y.ID })
	index := make(map[string]int, len(rules))
	descriptors := make([]ReportingDescriptor, len(rules))
	for i, r := range rules {
		index[r.ID] = i
		descriptors[i] = descriptor(r)
	}

	results := make([]Result, 0, len(diags))
	for _, d := range diags {
		results = append(results, b.result(d, index[d.RuleID]))
	}
	slices.SortStableFunc(results, compareResults)

	run := Run{
		Tool: Tool{Driver: ToolComponent{
			Name:            tool.Name,
			Version:         tool.Version,
			SemanticVersion: tool.SemanticVersion,
			InformationURI:  tool.InformationURI,
			Rules:           descriptors,
		}},
		Invocations: []Invocation{{ExecutionSuccessful: len(errs) == 0}},
		Results:     results,
	}
	for _, e := range errs {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			Notification{Level: "error", Message: Message{Text: e.Message}})
	}
	if opts.SrcRoot != "" {
		run.OriginalURIBaseIDs = &OriginalURIBaseIDs{SrcRoot: ArtifactLocation{URI: dirURI(opts.SrcRoot)}}
	}
	return &Log{Schema: SchemaURI, Version: Version, Runs: []Run{run}}
}

// Encode writes the log as indented JSON, with a final newline.
func (l *Log) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}

// descriptor makes the rule of an analyzer: the first line of its doc is
// the short description, the rest the full description and help. GitHub
// requires all three: without a doc, they are the id.
func descriptor(r Rule) ReportingDescriptor {
	title, rest, _ := strings.Cut(strings.TrimSpace(r.Doc), "\n")
	short := cmp.Or(strings.TrimSpace(title), r.ID)
	full := cmp.Or(strings.TrimSpace(rest), short)
	help := full
	if r.HelpURI != "" {
		help += "\n\nSee " + r.HelpURI
	}
	return ReportingDescriptor{
		ID:                   r.ID,
		ShortDescription:     &Message{Text: short},
		FullDescription:      &Message{Text: full},
		Help:                 &Message{Text: help},
		HelpURI:              r.HelpURI,
		DefaultConfiguration: &ReportingConfiguration{Level: Level},
	}
}

type builder struct {
	opts  Options
	files map[string][]byte // content by file name; nil if unreadable
}

func (b *builder) result(d Diagnostic, ruleIndex int) Result {
	r := Result{
		RuleID:    d.RuleID,
		RuleIndex: ruleIndex,
		Level:     Level,
		Message:   Message{Text: d.Message},
		Locations: []Location{{PhysicalLocation: b.physical(d.Pos, d.End)}},
	}
	if len(d.Related) == 0 {
		return r
	}
	// GitHub shows related locations only where the message links to
	// them, as "[text](id)". With links in it, the message's own square
	// brackets must be escaped (SARIF 3.11.6).
	var links []string
	for i, rel := range d.Related {
		id := i + 1
		r.RelatedLocations = append(r.RelatedLocations, Location{
			ID:               id,
			PhysicalLocation: b.physical(rel.Pos, rel.End),
			Message:          &Message{Text: rel.Message},
		})
		text := rel.Message
		if text == "" {
			text = "related location"
		}
		links = append(links, fmt.Sprintf("[%s](%d)", escapeBrackets(text), id))
	}
	r.Message.Text = escapeBrackets(d.Message) + " (" + strings.Join(links, ", ") + ")"
	return r
}

func escapeBrackets(s string) string {
	return strings.NewReplacer(`[`, `\[`, `]`, `\]`).Replace(s)
}

func (b *builder) physical(pos, end Position) PhysicalLocation {
	loc := PhysicalLocation{ArtifactLocation: b.artifact(pos.Filename)}
	if pos.Line <= 0 {
		return loc
	}
	region := &Region{StartLine: pos.Line, StartColumn: b.column(pos)}
	if end.Filename == pos.Filename && (end.Line > pos.Line || end.Line == pos.Line && end.Column > pos.Column) {
		region.EndLine = end.Line
		region.EndColumn = b.column(end)
		if region.EndColumn == 0 {
			region.EndLine = 0 // an end line alone would mean "to the end of that line"
		}
	}
	loc.Region = region
	return loc
}

// artifact returns the location of a file: relative to the source root if
// it is inside it, else an absolute file: URI.
func (b *builder) artifact(filename string) ArtifactLocation {
	if b.opts.SrcRoot != "" && filepath.IsAbs(filename) {
		if rel, err := filepath.Rel(b.opts.SrcRoot, filename); err == nil && filepath.IsLocal(rel) {
			u := url.URL{Path: filepath.ToSlash(rel)}
			return ArtifactLocation{URI: u.String(), URIBaseID: SrcRoot}
		}
	}
	if filepath.IsAbs(filename) {
		return ArtifactLocation{URI: fileURI(filename)}
	}
	u := url.URL{Path: filepath.ToSlash(filename)}
	return ArtifactLocation{URI: u.String()}
}

func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x -> /C:/x
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String()
}

// dirURI is the file: URI of a directory; SARIF requires the final slash.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// column converts the byte column of pos into UTF-16 code units.
func (b *builder) column(pos Position) int {
	if pos.Column <= 0 || b.opts.ReadFile == nil {
		return max(pos.Column, 0)
	}
	content, ok := b.files[pos.Filename]
	if !ok {
		var err error
		content, err = b.opts.ReadFile(pos.Filename)
		if err != nil {
			content = nil
		}
		b.files[pos.Filename] = content
	}
	if col, ok := utf16Column(content, pos.Line, pos.Column); ok {
		return col
	}
	return pos.Column
}

// utf16Column converts a 1-based byte column on a 1-based line of content
// into a 1-based column in UTF-16 code units.
func utf16Column(content []byte, line, byteCol int) (int, bool) {
	start := 0
	for l := 1; l < line; l++ {
		i := slices.Index(content[start:], '\n')
		if i < 0 {
			return 0, false
		}
		start += i + 1
	}
	prefixEnd := start + byteCol - 1
	if prefixEnd > len(content) {
		return 0, false
	}
	prefix := content[start:prefixEnd]
	if slices.Contains(prefix, '\n') {
		return 0, false
	}
	units := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		if n := utf16.RuneLen(r); n > 0 {
			units += n
		} else {
			units++
		}
	}
	return units + 1, true
}

func compareResults(x, y Result) int {
	px, py := x.Locations[0].PhysicalLocation, y.Locations[0].PhysicalLocation
	rx, ry := regionOrZero(px.Region), regionOrZero(py.Region)
	return cmp.Or(
		cmp.Compare(px.ArtifactLocation.URIBaseID, py.ArtifactLocation.URIBaseID),
		cmp.Compare(px.ArtifactLocation.URI, py.ArtifactLocation.URI),
		cmp.Compare(rx.StartLine, ry.StartLine),
		cmp.Compare(rx.StartColumn, ry.StartColumn),
		cmp.Compare(x.RuleID, y.RuleID),
		cmp.Compare(rx.EndLine, ry.EndLine),
		cmp.Compare(rx.EndColumn, ry.EndColumn),
		cmp.Compare(x.Message.Text, y.Message.Text))
}

func regionOrZero(r *Region) Region {
	if r == nil {
		return Region{}
	}
	return *r
}

// Package origin answers, for every value that reaches a FIFO id field
// (MessageGroupId, MessageDeduplicationId), the question "where does this
// string come from?": a constant, a value fixed for the whole process, the
// clock, real entropy, or the message being sent.
//
// The answer is computed once per package by [Analyzer], which the groupid
// and dedupid passes require. It is interprocedural: a function whose
// parameter flows into an id field is itself a sink (so a user's wrapper is
// checked at its callers, in any package), and a function whose result has a
// decisive origin carries that origin to its callers. Both travel between
// packages as analysis facts; std and the AWS SDK are described by built-in
// tables instead, so the analyzer does nothing in those packages.
package origin

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
)

// Kind classifies where a value comes from. Kinds are ordered: joining two
// values (concatenation, formatting, branches) keeps the greater kind, so the
// order encodes which part decides: per-message data beats a fixed prefix,
// entropy beats everything.
type Kind uint8

const (
	// None: no value seen (nil, zero values); the identity of Join.
	None Kind = iota
	// Const: known at compile time.
	Const
	// Fixed: one value for the life of the process or of a long-lived object.
	Fixed
	// Counter: a loop index or in-process counter; varies, but identifies nothing.
	Counter
	// Clock: determined by the clock (plus constant, fixed or counter parts).
	Clock
	// Unknown: not understood; never reported.
	Unknown
	// PerMessage: derived from the data of the send.
	PerMessage
	// Entropy: carries real randomness (UUIDs, ULIDs, crypto/rand, ...).
	Entropy
)

var kindNames = [...]string{"none", "const", "fixed", "counter", "clock", "unknown", "per-message", "entropy"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Recv is the Dep.Param index of a method's receiver.
const Recv = -1

// A Dep says that a value also depends on a parameter of the enclosing
// function: its argument at each call site completes the answer.
type Dep struct {
	Param int    // parameter index, or Recv
	Path  string // dotted field path below the parameter, "" for the parameter itself
}

// An Origin describes a value: its kind, a short description of the part
// that decides the kind, and the parameters it still depends on. With Deps
// present the Kind is only a lower bound, resolved at call sites.
type Origin struct {
	Kind Kind
	Desc string    // e.g. `constant "orders"`, `field groupID, set once in NewProducer`
	Pos  token.Pos // where the deciding value was fixed; never exported in facts
	Deps []Dep

	// Unique marks a Fixed value drawn from entropy once per process (an
	// instance id: uuid.NewString() at start-up), which no other process
	// has, or a Counter that never repeats within the process (a package
	// variable or long-lived field stepped while it runs, an atomic add),
	// unlike a loop index. Joined, the two make an id no process repeats:
	// instance id + sequence number.
	Unique bool
}

// Pending reports whether the origin still depends on parameters.
func (o Origin) Pending() bool { return len(o.Deps) > 0 }

func (o Origin) String() string {
	var b strings.Builder
	b.WriteString(o.Kind.String())
	for _, d := range o.Deps {
		if d.Param == Recv {
			b.WriteString("+recv")
		} else {
			fmt.Fprintf(&b, "+param%d", d.Param)
		}
		if d.Path != "" {
			b.WriteString("." + d.Path)
		}
	}
	return b.String()
}

func of(k Kind, desc string, pos token.Pos) Origin { return Origin{Kind: k, Desc: desc, Pos: pos} }

// Join combines two values (parts of one string, or alternatives on
// different paths): the greater kind wins and names the origin; parameter
// dependencies are kept while they can still change the answer.
func Join(a, b Origin) Origin {
	if id, ok := instanceSequence(a, b); ok {
		return id
	}
	out := a
	if b.Kind > a.Kind {
		out = b
	}
	out.Unique = out.Unique && (out.Kind == Fixed || out.Kind == Counter)
	out.Deps = nil
	if out.Kind <= Clock {
		out.Deps = unionDeps(a.Deps, b.Deps)
	}
	return out
}

// instanceSequence joins an instance id drawn once per process with a
// counter of the process's messages: unique across processes and sends,
// as an id from a random generator is.
func instanceSequence(a, b Origin) (Origin, bool) {
	if a.Kind == Counter {
		a, b = b, a
	}
	if a.Kind != Fixed || b.Kind != Counter || !a.Unique || !b.Unique || a.Pending() || b.Pending() {
		return Origin{}, false
	}
	return of(Entropy, fmt.Sprintf("%s joined with %s", b.Desc, a.Desc), b.Pos), true
}

// unique returns o marked Unique.
func unique(o Origin) Origin {
	o.Unique = true
	return o
}

func unionDeps(a, b []Dep) []Dep {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	seen := make(map[Dep]bool, len(a)+len(b))
	var out []Dep
	for _, d := range append(append([]Dep(nil), a...), b...) {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Param != out[j].Param {
			return out[i].Param < out[j].Param
		}
		return out[i].Path < out[j].Path
	})
	return out
}

// Resolve completes a pending origin: arg returns the origin of the argument
// that a call site passes for a Dep.
//
// Where the arguments and the function's own part are of the same kind,
// the arguments name the origin: at a call site, what the caller passed
// is the part the caller can change.
func Resolve(o Origin, arg func(Dep) Origin) Origin {
	var args Origin
	for _, d := range o.Deps {
		args = Join(args, arg(d))
	}
	base := o
	base.Deps = nil
	return Join(args, base)
}

// portable drops what cannot leave the package (positions) before an
// origin is stored in a fact.
func (o Origin) portable() Origin {
	o.Pos = token.NoPos
	return o
}

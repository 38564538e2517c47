// Package fifoqueue decides, for an SQS send or SNS publish, whether the
// queue or topic it goes to is certainly FIFO, or certainly standard, and
// returns the evidence so that diagnostics can point at it.
//
// A send counts as FIFO only when one of these is proven:
//
//   - its QueueUrl (SQS) or TopicArn/TargetArn (SNS) has a constant tail
//     ending in ".fifo". A standard queue or topic name may contain only
//     alphanumerics, hyphens and underscores ("A FIFO queue name must end
//     with the .fifo suffix", aws-sdk-go-v2 service/sqs api_op_CreateQueue.go;
//     SNS api_op_CreateTopic.go says the same for topics), so such a URL or
//     ARN cannot name a standard queue. The tail is followed through
//     constants (of any package), aws.String and &x, locals, struct fields
//     and package variables whose every store has the tail, parameters of
//     unexported functions whose every caller passes it, + concatenation,
//     fmt.Sprintf, and the output of GetQueueUrl, CreateQueue (QueueUrl)
//     and CreateTopic (TopicArn) called with a name that has the tail;
//   - (SQS only) the same input or batch entry sets MessageDeduplicationId
//     to a value that cannot be nil (aws.String(x), &x, a v1 setter),
//     which standard queues reject ("The request include parameter that is
//     not valid for this queue type", cdklabs/construct-hub#905);
//   - the send runs only when an explicit check such as
//     strings.HasSuffix(url, ".fifo") holds for the value that becomes
//     its QueueUrl or TopicArn.
//
// Struct fields and variables are followed to every value stored into them
// in the package (unexported ones, and all of package main, whose stores
// are all visible): the tail counts when every store has it. That covers
// the fields internal/origin calls fixed for the process (set once in a
// constructor) and gives their values, which origin does not keep. For a
// local variable, stores after the read (outside any loop or closure around
// it) are left out, and so is the &x the read itself passes on; any other
// &x may write it, and makes it unknown.
//
// MessageGroupId is not evidence: SQS fair queues and SNS standard topics
// accept it since 2025. Names, comments and runtime configuration are not
// evidence either.
//
// A queue is certainly standard when the last segment of its URL (the
// queue name) is constant and does not end in ".fifo".
package fifoqueue

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/suppress"
)

// Suffix is the suffix of every FIFO queue and topic name.
const Suffix = ".fifo"

// A Kind says how a send was proven to go to a FIFO queue or topic.
type Kind int

const (
	// None: not proven.
	None Kind = iota
	// Name: the queue URL or topic ARN has a constant ".fifo" tail.
	Name
	// DedupID: the SQS input or entry sets MessageDeduplicationId.
	DedupID
	// SuffixCheck: the send runs only when the URL or ARN ends in ".fifo".
	SuffixCheck
)

// Evidence is why a queue is known to be FIFO (or standard).
type Evidence struct {
	Kind Kind
	Pos  token.Pos // the constant tail, the MessageDeduplicationId, or the check
	// Queue is the queue or topic as messages show it, e.g. "…/orders.fifo";
	// "" when the evidence is not a name.
	Queue string
}

// Describe names the queue or topic for a message: `FIFO queue
// "…/orders.fifo"`, or `a FIFO queue (…)` with the reason.
func (e Evidence) Describe(svc fifoapi.Service) string {
	what := "queue"
	if svc == fifoapi.SNS {
		what = "topic"
	}
	switch e.Kind {
	case DedupID:
		return "a FIFO queue (the input sets MessageDeduplicationId, which standard queues reject)"
	case SuffixCheck:
		return fmt.Sprintf("a FIFO %s (the send runs only when its name ends in %q)", what, Suffix)
	}
	return fmt.Sprintf("FIFO %s %q", what, e.Queue)
}

// Related is the diagnostic's related information at the evidence.
func (e Evidence) Related() []analysis.RelatedInformation {
	if !e.Pos.IsValid() {
		return nil
	}
	msg := "the queue is FIFO: its name ends in " + Suffix
	switch e.Kind {
	case DedupID:
		msg = "the queue is FIFO: standard queues reject MessageDeduplicationId"
	case SuffixCheck:
		msg = "the send runs only when the name ends in " + Suffix
	}
	return []analysis.RelatedInformation{{Pos: e.Pos, Message: msg}}
}

// A Resolver answers for the sends of one package.
type Resolver struct {
	pass  *analysis.Pass
	info  *types.Info
	idx   *index // built by index on first use
	files map[*token.File]*ast.File
	srcs  []*ast.File // the files of files, in the package's order
}

// New returns the resolver of the package of pass, without its _test.go
// files: fifolint reports nothing in tests, and a package's answers must
// not depend on whether its tests are loaded (go vet loads them,
// standalone fifolint by default does not).
func New(pass *analysis.Pass) *Resolver {
	r := &Resolver{
		pass:  pass,
		info:  pass.TypesInfo,
		files: make(map[*token.File]*ast.File),
	}
	for _, f := range pass.Files {
		if !suppress.InTestFile(pass.Fset, f.FileStart) {
			r.files[pass.Fset.File(f.FileStart)] = f
			r.srcs = append(r.srcs, f)
		}
	}
	return r
}

// index returns the stores and parameters of the package, indexed on the
// first question that needs them: most sends are answered from their
// literals alone, or not asked about.
func (r *Resolver) index() *index {
	if r.idx == nil {
		r.idx = newIndex(r.info, r.pass.Pkg, r.srcs)
	}
	return r.idx
}

func (r *Resolver) fileOf(pos token.Pos) *ast.File {
	return r.files[r.pass.Fset.File(pos)]
}

// path returns the nodes enclosing n, innermost first.
func (r *Resolver) path(n ast.Node) []ast.Node {
	f := r.fileOf(n.Pos())
	if f == nil {
		return nil
	}
	p, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
	return p
}

// FIFO reports whether the send call, whose input is in, certainly goes to
// a FIFO queue or topic. entry, if not nil, is the batch entry at hand,
// whose MessageDeduplicationId is evidence too.
func (r *Resolver) FIFO(call *ast.CallExpr, in, entry *Input) Evidence {
	urls := r.urls(in)
	if len(urls) > 0 {
		var e Evidence
		for i, u := range urls {
			ev, ok := NameEvidence(r.String(u.Value))
			if !ok {
				e = Evidence{}
				break
			}
			if i == 0 {
				e = ev
			}
		}
		if e.Kind != None {
			return e
		}
	}
	if _, standard := r.Standard(in); standard {
		return Evidence{} // a deduplication id then makes the send fail, which standarddedup reports
	}
	if in.Param.Service == fifoapi.SQS {
		for _, x := range []*Input{entry, in} {
			if x == nil {
				continue
			}
			for _, s := range x.Values("MessageDeduplicationId") {
				if r.NonNil(s.Value) {
					return Evidence{Kind: DedupID, Pos: s.Node.Pos()}
				}
			}
		}
	}
	for _, u := range urls {
		if pos, ok := r.checkedFIFO(call, u.Value); ok {
			return Evidence{Kind: SuffixCheck, Pos: pos}
		}
	}
	return Evidence{}
}

// NameEvidence reports whether s, the value of a queue URL or topic ARN,
// has a constant ".fifo" tail.
func NameEvidence(s Str) (Evidence, bool) {
	if !strings.HasSuffix(s.Tail, Suffix) {
		return Evidence{}, false
	}
	return Evidence{Kind: Name, Pos: s.Pos, Queue: display(s)}, true
}

// Standard reports whether an SQS send certainly goes to a standard queue:
// the last segment of every QueueUrl it may have is constant and does not
// end in ".fifo".
func (r *Resolver) Standard(in *Input) (Evidence, bool) {
	if in.Param.Service != fifoapi.SQS {
		return Evidence{}, false
	}
	urls := r.urls(in)
	if len(urls) == 0 {
		return Evidence{}, false
	}
	var e Evidence
	for i, u := range urls {
		s := r.String(u.Value)
		if !strings.Contains(s.Tail, "/") || strings.HasSuffix(s.Tail, Suffix) {
			return Evidence{}, false
		}
		if i == 0 {
			e = Evidence{Kind: Name, Pos: s.Pos, Queue: display(s)}
		}
	}
	return e, true
}

// NotFIFOBranch reports whether n runs only when an explicit suffix check
// says the queue is not FIFO: in the body of `if !strings.HasSuffix(x,
// ".fifo")` or the else branch of `if strings.HasSuffix(x, ".fifo")`.
func (r *Resolver) NotFIFOBranch(n ast.Node) bool {
	path := r.path(n)
	for i := 1; i < len(path); i++ {
		ifs, ok := path[i].(*ast.IfStmt)
		if !ok {
			continue
		}
		_, positive, ok := r.suffixCheck(ifs.Cond, 0)
		if !ok {
			continue
		}
		if path[i-1] == ast.Node(ifs.Body) && !positive || path[i-1] == ifs.Else && positive {
			return true
		}
	}
	return false
}

func (r *Resolver) urls(in *Input) []Set {
	var out []Set
	for _, f := range in.Param.URLFields() {
		out = append(out, in.Values(f)...)
	}
	return out
}

// display shortens a queue URL or topic ARN for messages to its last
// segment: "…/orders.fifo", "…:events.fifo".
func display(s Str) string {
	t := s.Tail
	if i := strings.LastIndexAny(t, "/:"); i >= 0 {
		return "…" + t[i:]
	}
	if s.Known {
		return t
	}
	return "…" + t
}

// checkedFIFO reports whether call runs only when a suffix check holds for
// url: in the body of an if whose condition (or one of its && operands) is
// strings.HasSuffix(x, ".fifo") for the same x, or in the else branch of
// its negation.
func (r *Resolver) checkedFIFO(call *ast.CallExpr, url ast.Expr) (token.Pos, bool) {
	path := r.path(call)
	for i := 1; i < len(path); i++ {
		ifs, ok := path[i].(*ast.IfStmt)
		if !ok {
			continue
		}
		inBody := path[i-1] == ast.Node(ifs.Body)
		for _, c := range r.conjuncts(ifs.Cond, inBody) {
			x, positive, ok := r.suffixCheck(c, 0)
			if ok && positive == inBody && r.sameValue(x, url) {
				return c.Pos(), true
			}
		}
	}
	return token.NoPos, false
}

// conjuncts returns the conditions that hold in the body of an if (the
// operands of &&), or in its else branch (the condition itself).
func (r *Resolver) conjuncts(cond ast.Expr, body bool) []ast.Expr {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !body || !ok || b.Op != token.LAND {
		return []ast.Expr{cond}
	}
	return append(r.conjuncts(b.X, true), r.conjuncts(b.Y, true)...)
}

// suffixCheck recognizes strings.HasSuffix(x, ".fifo"), its negation, and
// a local bool assigned once from one.
func (r *Resolver) suffixCheck(cond ast.Expr, depth int) (x ast.Expr, positive, ok bool) {
	if depth > maxDepth {
		return nil, false, false
	}
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			x, positive, ok = r.suffixCheck(c.X, depth+1)
			return x, !positive, ok
		}
	case *ast.Ident:
		if v, isVar := r.info.Uses[c].(*types.Var); isVar {
			if s, has := r.index().storesOf(v); has && len(s) == 1 && s[0].value != nil && s[0].index < 0 {
				return r.suffixCheck(s[0].value, depth+1)
			}
		}
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(r.info, c)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "strings" && fn.Name() == "HasSuffix" && len(c.Args) == 2 {
			if s := r.String(c.Args[1]); s.Known && s.Value == Suffix {
				return c.Args[0], true, true
			}
		}
	}
	return nil, false, false
}

// sameValue reports whether a and b denote the same variable or field
// path, looking through aws.String, & and *.
func (r *Resolver) sameValue(a, b ast.Expr) bool {
	a, b = r.Strip(a), r.Strip(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && r.info.ObjectOf(a) != nil && r.info.ObjectOf(a) == r.info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		return ok && r.info.ObjectOf(a.Sel) == r.info.ObjectOf(b.Sel) && r.sameValue(a.X, b.X)
	}
	return false
}

// ParamOf reports whether e (looking through aws.String, & and *) is a
// parameter of a function declared in the package, and which one.
func (r *Resolver) ParamOf(e ast.Expr) (*types.Func, int) {
	id, ok := r.Strip(e).(*ast.Ident)
	if !ok {
		return nil, -1
	}
	v, ok := r.info.Uses[id].(*types.Var)
	if !ok {
		return nil, -1
	}
	p, ok := r.index().params[v]
	if !ok {
		return nil, -1
	}
	return p.fn, p.i
}

// Strip looks through aws.String (and the other pointer helpers), & and *.
func (r *Resolver) Strip(e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return e
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(r.info, x)
			if fn == nil || fn.Pkg() == nil || !isPointerHelper(fifoapi.TrimVendor(fn.Pkg().Path()), fn.Name()) || len(x.Args) != 1 {
				return e
			}
			e = x.Args[0]
		default:
			return e
		}
	}
}

// outputName is the tail of out.QueueUrl or out.TopicArn, where out is the
// output of GetQueueUrl, CreateQueue or CreateTopic: the name the input
// asks for, after a "/" (queue URL) or ":" (topic ARN).
func (r *Resolver) outputName(sel *ast.SelectorExpr, depth int) Str {
	p, ok := fifoapi.ParamOf(r.info.TypeOf(sel.X))
	if !ok || sel.Sel.Name != "QueueUrl" && sel.Sel.Name != "TopicArn" {
		return Str{}
	}
	call := r.producingCall(sel.X)
	if call == nil {
		return Str{}
	}
	sig := Signature(r.info, call)
	arg, field := fifoapi.NamingInput(sig, p)
	if arg < 0 || arg >= len(call.Args) {
		return Str{}
	}
	in := r.Input(call.Args[arg])
	if in == nil || in.Escapes {
		return Str{}
	}
	names := in.Values(field)
	if len(names) != 1 {
		return Str{}
	}
	name := r.str(names[0].Value, depth+1)
	sep := "/"
	if p.Service == fifoapi.SNS {
		sep = ":"
	}
	if name.Known {
		return Str{Tail: sep + name.Value, Frags: name.Frags, Pos: name.Pos}
	}
	return Str{Tail: name.Tail, Frags: name.Frags, Pos: name.Pos}
}

// producingCall returns the call whose result x is: the call itself, or
// the only value stored in a variable.
func (r *Resolver) producingCall(x ast.Expr) *ast.CallExpr {
	x = ast.Unparen(x)
	if c, ok := x.(*ast.CallExpr); ok {
		return c
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := r.info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	stores, ok := r.index().storesOf(v)
	if !ok || len(stores) != 1 {
		return nil
	}
	c, _ := ast.Unparen(stores[0].value).(*ast.CallExpr)
	return c
}

// Signature returns the signature of the function a call calls (through
// a named function type too), or nil for conversions and untyped code.
func Signature(info *types.Info, call *ast.CallExpr) *types.Signature {
	t := info.TypeOf(call.Fun)
	if t == nil {
		return nil
	}
	sig, _ := t.Underlying().(*types.Signature)
	return sig
}

// Callee returns the function a call calls: its static callee, or the
// function or method expression that the variable it calls through only
// ever holds (var SendInput = (*sender).input, in a test; a method value
// s.input). shift is the
// number of arguments before the function's own parameters: 1 for a method
// expression, whose first argument is the receiver.
func (r *Resolver) Callee(call *ast.CallExpr) (fn *types.Func, shift int) {
	if fn := typeutil.StaticCallee(r.info, call); fn != nil {
		return fn, 0
	}
	v, ok := r.info.Uses[funcIdent(call)].(*types.Var)
	if !ok {
		return nil, 0
	}
	stores, ok := r.index().storesOf(v)
	if !ok || len(stores) != 1 || stores[0].value == nil || stores[0].index >= 0 {
		return nil, 0
	}
	switch x := ast.Unparen(stores[0].value).(type) {
	case *ast.Ident:
		fn, _ := r.info.Uses[x].(*types.Func)
		return fn, 0
	case *ast.SelectorExpr:
		fn, _ := r.info.Uses[x.Sel].(*types.Func)
		if sel := r.info.Selections[x]; sel != nil && sel.Kind() == types.MethodExpr {
			return fn, 1
		}
		return fn, 0 // pkg.Func, or a method value with its receiver bound
	}
	return nil, 0
}

package fifoparams

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/analysisdoc"
	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/fifoqueue"
	"github.com/fifolint/fifolint/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports SQS and SNS request parameters that the services
// certainly reject.
var Analyzer = New()

// New returns a new fifoparams analyzer, for drivers that build their own
// (golangci-lint). It has no flags.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      "fifoparams",
		Doc:       analysisdoc.MustExtract(doc, "fifoparams"),
		URL:       "https://github.com/fifolint/fifolint/blob/main/docs/checks/fifoparams.md",
		Run:       run,
		FactTypes: []analysis.Fact{new(WrapperFact)},
	}
}

// Rule categories: each diagnostic carries one, so users can filter by rule.
const (
	catDelay         = "delay"
	catMissingGroup  = "missinggroup"
	catStandardDedup = "standarddedup"
	catIDFormat      = "idformat"
	catBatchID       = "batchid"
	catBatchSize     = "batchsize"
	catCreateAttrs   = "createattrs"
	catRanges        = "ranges"
)

type checker struct {
	pass     *analysis.Pass
	info     *types.Info
	res      *fifoqueue.Resolver
	rep      *suppress.Reporter
	wrappers map[*types.Func]*wrapper
}

func run(pass *analysis.Pass) (any, error) {
	if fifoapi.Modeled(pass.Pkg) || !fifoapi.UsesSDK(pass.Pkg) && !fifoapi.ImportsFact[*WrapperFact](pass) {
		return nil, nil
	}
	c := &checker{
		pass: pass,
		info: pass.TypesInfo,
		res:  fifoqueue.New(pass),
		rep:  suppress.NewReporter(pass, "fifoparams"),
	}
	c.wrappers = c.findWrappers()
	for _, f := range pass.Files {
		if !suppress.InTestFile(pass.Fset, f.FileStart) {
			ast.Inspect(f, c.visit)
		}
	}
	c.rep.Finish()
	return nil, nil
}

func (c *checker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CompositeLit:
		if s, ok := underlying(c.info.TypeOf(n)).(*types.Slice); ok {
			if p, ok := fifoapi.ParamOf(s.Elem()); ok && p.IsEntry() {
				c.duplicateIDs(n, p.Service)
			}
		}
		if p, ok := fifoapi.ParamOf(c.info.TypeOf(n)); ok {
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						c.field(p, id.Name, kv.Value)
					}
				}
			}
		}
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
			break
		}
		for i, lhs := range n.Lhs {
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
				if p, ok := fifoapi.ParamOf(c.info.TypeOf(sel.X)); ok {
					c.field(p, sel.Sel.Name, n.Rhs[i])
				}
			}
		}
	case *ast.CallExpr:
		c.call(n)
	}
	return true
}

func (c *checker) call(call *ast.CallExpr) {
	c.wrapperCall(call)
	if p, field, value, ok := fifoqueue.Setter(c.info, call); ok {
		c.field(p, field, value)
		return
	}
	sig := fifoqueue.Signature(c.info, call)
	if sig == nil {
		return
	}
	if op, _, ok := fifoapi.SendOp(sig); ok {
		if i := op.InputArg(sig); i >= 0 && i < len(call.Args) {
			c.send(call, op, call.Args[i])
		}
		return
	}
	c.create(call, sig)
}

// field checks one value given to a field, whatever builds the input: the
// rules that need no knowledge of the queue.
func (c *checker) field(p fifoapi.Param, field string, value ast.Expr) {
	switch field {
	case "MessageGroupId", "MessageDeduplicationId", "ReceiveRequestAttemptId":
		c.idFormat(p, field, value)
	case "Id":
		c.batchID(p, value)
	case "Entries", "PublishBatchRequestEntries":
		c.batchSize(p, value)
	}
	c.ranges(p, field, value)
}

// send checks a send or publish whose input is arg.
func (c *checker) send(call *ast.CallExpr, op fifoapi.Op, arg ast.Expr) {
	in := c.res.Input(arg)
	if in == nil {
		return
	}
	svc := op.Service()
	if field := in.Param.EntriesField(); field != "" {
		entries := c.entries(in, field)
		for _, entry := range entries {
			if !c.queueRulesApply(svc, entry) {
				continue
			}
			ev := c.res.FIFO(call, in, entry)
			if ev.Kind == fifoqueue.None {
				continue
			}
			c.delay(call, entry, svc, ev)
			if !in.Escapes && !c.setsGroupAnywhere(call) {
				c.missingGroup(op, entry, ev)
			}
		}
		c.standardDedup(in, entries)
		return
	}
	c.standardDedup(in, []*fifoqueue.Input{in})
	if !c.queueRulesApply(svc, in) {
		return
	}
	ev := c.res.FIFO(call, in, nil)
	if ev.Kind == fifoqueue.None {
		return
	}
	c.delay(call, in, svc, ev)
	c.missingGroup(op, in, ev)
}

// queueRulesApply reports whether a rule for FIFO queues can fire on in
// (a send's input or batch entry): DelaySeconds is set on an SQS send, or
// the input, seen whole, has no MessageGroupId. Only then is the queue
// resolved, which can mean indexing the whole package.
func (c *checker) queueRulesApply(svc fifoapi.Service, in *fifoqueue.Input) bool {
	if svc == fifoapi.SQS && len(in.Values("DelaySeconds")) > 0 {
		return true
	}
	return in.Lit != nil && !in.Escapes && !in.Has(c.info, "MessageGroupId")
}

// entries returns the batch entries written as literals in the input's
// only entry list (a literal, or a local slice built with append). An
// entry held in a variable may be completed by other code, so it is left
// out.
func (c *checker) entries(in *fifoqueue.Input, field string) []*fifoqueue.Input {
	sets := in.Values(field)
	if len(sets) != 1 {
		return nil
	}
	elems, ok := c.res.Elements(sets[0].Value)
	if !ok {
		return nil
	}
	var out []*fifoqueue.Input
	for _, elt := range elems {
		if u, ok := ast.Unparen(elt).(*ast.UnaryExpr); ok && u.Op == token.AND {
			elt = u.X
		}
		if _, ok := ast.Unparen(elt).(*ast.CompositeLit); !ok {
			continue
		}
		if e := c.res.Input(elt); e != nil && e.Lit != nil {
			out = append(out, e)
		}
	}
	return out
}

// setsGroupAnywhere reports whether the function around call sets some
// MessageGroupId other than in a literal (in.Entries[i].MessageGroupId =
// g, SetMessageGroupId): batch entries may get their group that way.
func (c *checker) setsGroupAnywhere(call *ast.CallExpr) bool {
	found := false
	body := c.res.EnclosingFunc(call.Pos())
	if body == nil {
		return true
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if n.Sel.Name == "MessageGroupId" || n.Sel.Name == "SetMessageGroupId" {
				found = true
			}
		}
		return !found
	})
	return found
}

// underlying is t.Underlying(), or nil for a nil t (code with type errors).
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

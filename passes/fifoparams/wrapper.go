package fifoparams

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/fifoqueue"
	"github.com/fifolint/fifolint/internal/suppress"
)

// A WrapperFact marks a function whose parameter becomes the QueueUrl (or
// TopicArn) of a send input it builds, when that input always has a fixed
// non-zero DelaySeconds, or is sent without a MessageGroupId. A caller that
// passes a FIFO queue's URL gets the diagnostic.
type WrapperFact struct {
	Param   int             // index of the parameter that becomes the URL or ARN
	Op      string          // SendMessage or Publish
	Service fifoapi.Service // of the send
	Delay   int64           // the fixed DelaySeconds; 0 when not fixed
	NoGroup bool            // the input is sent without a MessageGroupId
}

func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string {
	return fmt.Sprintf("wrapper(param %d: %s delay=%d nogroup=%t)", f.Param, f.Op, f.Delay, f.NoGroup)
}

// A wrapper is a WrapperFact of this package, with the positions that
// related information points at.
type wrapper struct {
	WrapperFact
	delayAt token.Pos // the DelaySeconds inside the wrapper
	litAt   token.Pos // the input's literal
}

// findWrappers finds the package's wrappers: functions that build a send input
// whose URL or ARN is one of their parameters, and send or return it.
func (c *checker) findWrappers() map[*types.Func]*wrapper {
	out := make(map[*types.Func]*wrapper)
	for _, f := range c.pass.Files {
		if suppress.InTestFile(c.pass.Fset, f.FileStart) {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := c.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if w := c.wrapperOf(fd); w != nil {
				out[fn] = w
				if fn.Exported() {
					c.pass.ExportObjectFact(fn, &w.WrapperFact)
				}
			}
		}
	}
	return out
}

// wrapperOf inspects the sends and the returned inputs in fd's own body.
func (c *checker) wrapperOf(fd *ast.FuncDecl) *wrapper {
	var found *wrapper
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			sig := fifoqueue.Signature(c.info, n)
			if sig == nil {
				return true
			}
			if op, _, ok := fifoapi.SendOp(sig); ok && !op.Batch {
				if i := op.InputArg(sig); i >= 0 && i < len(n.Args) {
					found = c.wrapperInput(fd, c.res.Input(n.Args[i]), op.Name, true)
				}
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				// A builder: return &sqs.SendMessageInput{QueueUrl: url, ...},
				// or an input built in a variable.
				in := c.res.Input(r)
				if in != nil && in.Lit != nil && (in.Param.Name == "SendMessageInput" || in.Param.Name == "PublishInput") {
					found = c.wrapperInput(fd, in, in.Param.Operation(), false)
				}
			}
		}
		return true
	})
	return found
}

// wrapperInput describes in, built in fd and sent there (sent) or
// returned, when its URL or ARN is a parameter of fd.
func (c *checker) wrapperInput(fd *ast.FuncDecl, in *fifoqueue.Input, op string, sent bool) *wrapper {
	if in == nil || in.Lit == nil || in.Escapes && sent {
		return nil
	}
	var urls []fifoqueue.Set
	for _, f := range in.Param.URLFields() {
		urls = append(urls, in.Values(f)...)
	}
	if len(urls) != 1 {
		return nil
	}
	fn, param := c.res.ParamOf(urls[0].Value)
	if fn == nil || fn != c.info.Defs[fd.Name] {
		return nil
	}
	if _, fifo := fifoqueue.NameEvidence(c.res.String(urls[0].Value)); fifo && sent {
		return nil // every caller passes a FIFO URL: reported at the send inside
	}
	w := &wrapper{WrapperFact: WrapperFact{Param: param, Op: op, Service: in.Param.Service}, litAt: in.Lit.Pos()}
	if in.Param.Service == fifoapi.SQS {
		if delays := in.Values("DelaySeconds"); len(delays) == 1 {
			if _, inLit := delays[0].Node.(*ast.KeyValueExpr); inLit {
				if v, isConst, _ := c.intValue(delays[0].Value); isConst && v != 0 {
					w.Delay, w.delayAt = v, delays[0].Node.Pos()
				}
			}
		}
	}
	w.NoGroup = sent && !in.Escapes && !in.Has(c.info, "MessageGroupId")
	if w.Delay == 0 && !w.NoGroup {
		return nil
	}
	return w
}

// wrapperCall reports a call of a wrapper that passes a FIFO queue's URL
// (or topic's ARN).
func (c *checker) wrapperCall(call *ast.CallExpr) {
	fn, shift := c.res.Callee(call)
	if fn == nil {
		return
	}
	w := c.wrappers[fn.Origin()]
	if w == nil {
		var f WrapperFact
		if fn.Pkg() == c.pass.Pkg || !c.pass.ImportObjectFact(fn.Origin(), &f) {
			return
		}
		w = &wrapper{WrapperFact: f}
	}
	if w.Param+shift >= len(call.Args) || fn.Signature().Variadic() && w.Param >= fn.Signature().Params().Len()-1 {
		return
	}
	s := c.res.String(call.Args[w.Param+shift])
	ev, ok := fifoqueue.NameEvidence(s)
	if !ok {
		return
	}
	through := "through " + fifoapi.FuncName(c.pass.Pkg, fn)
	queue := ev.Describe(w.Service)
	related := ev.Related()
	if w.Delay != 0 {
		d := analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(), Category: catDelay,
			Message: fmt.Sprintf("DelaySeconds is %d on a send to %s %s: SQS rejects per-message DelaySeconds on FIFO queues (InvalidParameterValue); "+
				"set DelaySeconds on the queue instead, or leave it 0", w.Delay, queue, through),
			Related: related,
		}
		if w.delayAt.IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: w.delayAt, Message: "DelaySeconds is set here"})
		}
		c.rep.Report(d)
	}
	if w.NoGroup {
		msg := fmt.Sprintf("%s to %s %s has no MessageGroupId: SQS rejects it with MissingParameter; set a per-message group id (the ordering key)", w.Op, queue, through)
		if w.Service == fifoapi.SNS {
			msg = fmt.Sprintf("%s to %s %s has no MessageGroupId: SNS FIFO requires one on every message; set a per-message group id (the ordering key)", w.Op, queue, through)
		}
		d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: catMissingGroup, Message: msg, Related: related}
		if w.litAt.IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: w.litAt, Message: "the input is built here, without MessageGroupId"})
		}
		c.rep.Report(d)
	}
}

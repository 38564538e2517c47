package origin

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// batchRepeats finds deduplication ids that are the same for every entry
// of one SendMessageBatch or PublishBatch: an entry built in a loop and
// collected into a slice that outlives the iteration, whose id does not
// change from one iteration to the next (a parameter, an option, a clock
// read once before the loop). SQS and SNS treat entries 2..n as duplicates
// of the first, report them as successful and never deliver them, whatever
// the value's own origin.
//
// Ids whose origin the plain verdict already reports (constant, fixed,
// clock, counter) and absent ids are left to it.
func (a *analysisState) batchRepeats(ins *inspector.Inspector) []Value {
	var out []Value
	nodes := []ast.Node{(*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)}
	ins.WithStack(nodes, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		value, path, entry := a.batchDedup(n)
		if value == nil {
			return true
		}
		loop := innermostLoop(stack)
		if loop == nil || !a.collectedAcross(entry, loop, stack) || !a.invariant(value, loop) {
			return true
		}
		decl := enclosingDecl(stack)
		if innermostFunc(stack) != ast.Node(decl) {
			decl = nil // in a function literal: no parameters to name
		}
		o := a.ev.value(value, path, decl)
		if !o.Pending() && o.Kind != PerMessage && o.Kind != Unknown && o.Kind != Entropy {
			return true
		}
		if a.testCode(value, enclosingDecl(stack)) {
			return true
		}
		desc := exprString(value)
		if len(path) > 0 {
			desc += " (its field " + strings.Join(path, ".") + ")"
		}
		out = append(out, Value{
			Field:   fifoapi.DedupID,
			Expr:    value,
			Origin:  Origin{Kind: o.Kind, Desc: desc, Pos: loop.Pos()},
			InBatch: true,
		})
		return true
	})
	return out
}

// batchDedup returns the value a node gives the MessageDeduplicationId of a
// batch entry (the field path below value that holds the id, if any), and
// the expression that holds the entry: the literal, the variable or slice
// element whose field is set, or the call of a function that builds the
// entry from its parameters (newEntry(item, dedupID)).
func (a *analysisState) batchDedup(n ast.Node) (value ast.Expr, path []string, entry ast.Expr) {
	info := a.pass.TypesInfo
	switch n := n.(type) {
	case *ast.CompositeLit:
		t := info.TypeOf(n)
		if !isBatchEntry(t) {
			return nil, nil, nil
		}
		for _, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if f, ok := a.idField(kv.Key, t); ok && f == fifoapi.DedupID {
					return kv.Value, nil, n
				}
			}
		}
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return nil, nil, nil
		}
		for i, lhs := range n.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || !isBatchEntry(info.TypeOf(sel.X)) {
				continue
			}
			if f, ok := a.idField(sel.Sel, info.TypeOf(sel.X)); ok && f == fifoapi.DedupID {
				return n.Rhs[i], nil, sel.X
			}
		}
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(info, n)
		if fn == nil {
			return nil, nil, nil
		}
		if f, ok := fifoapi.Setter(fn); ok {
			sel, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if f == fifoapi.DedupID && isSel && len(n.Args) == 1 && isBatchEntry(info.TypeOf(sel.X)) {
				return n.Args[0], nil, sel.X
			}
			return nil, nil, nil
		}
		if isBatchEntry(info.TypeOf(n)) {
			return a.entryBuilderArg(n, fn)
		}
	}
	return nil, nil, nil
}

// entryBuilderArg handles a call of a function that returns a batch entry
// whose dedup id is one of its parameters (in this package, or known from
// a SinkFact): the argument for that parameter is the entry's id.
func (a *analysisState) entryBuilderArg(call *ast.CallExpr, fn *types.Func) (ast.Expr, []string, ast.Expr) {
	fn = fn.Origin()
	var sinks []Sink
	if fd := a.idx.funcs[fn]; fd != nil {
		for _, s := range a.sitesIn(fd) {
			sinks = append(sinks, Sink{Field: s.field, Origin: s.origin})
		}
	} else if f := new(SinkFact); fn.Pkg() != a.pass.Pkg && a.pass.ImportObjectFact(fn, f) {
		sinks = f.Sinks
	}
	for _, s := range sinks {
		if s.Field != fifoapi.DedupID || len(s.Origin.Deps) != 1 {
			continue
		}
		d := s.Origin.Deps[0]
		if arg := argFor(a.pass.TypesInfo, call, fn, d.Param); arg != nil {
			return arg, splitPath(d.Path), call
		}
	}
	return nil, nil, nil
}

func isBatchEntry(t types.Type) bool {
	if t == nil || !fifoapi.IsCarrier(t) {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && strings.HasSuffix(n.Obj().Name(), "BatchRequestEntry")
}

// innermostLoop returns the innermost for or range statement around the
// top of stack, within the same function.
func innermostLoop(stack []ast.Node) ast.Stmt {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ForStmt:
			return n
		case *ast.RangeStmt:
			return n
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
	}
	return nil
}

func within(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }

// collectedAcross reports whether the entry outlives one iteration of loop
// in a slice declared outside it: the literal, or a variable holding it,
// is appended to or stored into such a slice. An entry sent within its own
// iteration (one batch per queue of a fan-out) is not collected.
func (a *analysisState) collectedAcross(entry ast.Expr, loop ast.Node, stack []ast.Node) bool {
	info := a.pass.TypesInfo
	entry = ast.Unparen(entry)
	if ix, ok := entry.(*ast.IndexExpr); ok { // entries[i].MessageDeduplicationId = x
		return a.outside(ix.X, loop)
	}
	if id, ok := entry.(*ast.Ident); ok { // e.MessageDeduplicationId = x
		v, _ := info.Uses[id].(*types.Var)
		return v != nil && within(v.Pos(), loop) && a.appendedAcross(v, loop)
	}
	// The literal itself: look at what encloses it.
	var holder ast.Node = entry
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				holder = p
				continue
			}
		case *ast.ParenExpr:
			holder = p
			continue
		case *ast.CallExpr:
			return a.isAppendAcross(p, holder, loop)
		case *ast.AssignStmt:
			for j, r := range p.Rhs {
				if r != holder || j >= len(p.Lhs) || len(p.Lhs) != len(p.Rhs) {
					continue
				}
				switch l := ast.Unparen(p.Lhs[j]).(type) {
				case *ast.IndexExpr:
					return a.outside(l.X, loop)
				case *ast.Ident:
					v, _ := info.ObjectOf(l).(*types.Var)
					return v != nil && within(v.Pos(), loop) && a.appendedAcross(v, loop)
				}
			}
		case *ast.ValueSpec:
			for j, r := range p.Values {
				if r == holder && j < len(p.Names) {
					v, _ := info.Defs[p.Names[j]].(*types.Var)
					return v != nil && a.appendedAcross(v, loop)
				}
			}
		}
		return false
	}
	return false
}

// appendedAcross reports whether a variable declared in loop is appended
// (itself or its address) to a slice declared outside it.
func (a *analysisState) appendedAcross(v *types.Var, loop ast.Node) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		for _, arg := range call.Args {
			x := ast.Unparen(arg)
			if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
				x = ast.Unparen(u.X)
			}
			if id, ok := x.(*ast.Ident); ok && a.pass.TypesInfo.Uses[id] == v && a.isAppendAcross(call, arg, loop) {
				found = true
			}
		}
		return true
	})
	return found
}

// isAppendAcross reports whether call is append(s, ..., arg, ...) with s
// declared outside loop.
func (a *analysisState) isAppendAcross(call *ast.CallExpr, arg ast.Node, loop ast.Node) bool {
	if b, ok := typeutil.Callee(a.pass.TypesInfo, call).(*types.Builtin); !ok || b.Name() != "append" || len(call.Args) < 2 {
		return false
	}
	for _, x := range call.Args[1:] {
		if x == arg {
			return a.outside(call.Args[0], loop)
		}
	}
	return false
}

// outside reports whether the slice e (s, p.entries, batch[k]) is rooted
// in a variable declared outside loop and keeps its entries from one
// iteration to the next: a slice emptied by a statement of the loop's body
// (s = s[:0], s = nil, s = make(...), s = []T{...}) holds one iteration's
// entries only, like one declared inside it (a fan-out that reuses its
// buffer for one batch per queue).
func (a *analysisState) outside(e ast.Expr, loop ast.Node) bool {
	return a.rootedOutside(e, loop) && !a.emptiedEachIteration(e, loop)
}

// emptiedEachIteration reports whether a statement of loop's body (not one
// nested in a branch) assigns the slice e an empty or fresh value.
func (a *analysisState) emptiedEachIteration(e ast.Expr, loop ast.Node) bool {
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	}
	if body == nil {
		return false
	}
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if sameVar(a.pass.TypesInfo, lhs, e) && a.freshSlice(as.Rhs[i], e) {
				return true
			}
		}
	}
	return false
}

// freshSlice reports whether x, assigned to the slice s, drops what s held:
// nil, s[:0], make(...), or a composite literal.
func (a *analysisState) freshSlice(x, s ast.Expr) bool {
	info := a.pass.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		_, isNil := info.ObjectOf(x).(*types.Nil)
		return isNil
	case *ast.CompositeLit:
		return true
	case *ast.SliceExpr:
		if !sameVar(info, x.X, s) || x.High == nil {
			return false
		}
		tv, ok := info.Types[x.High]
		return ok && tv.Value != nil && tv.Value.String() == "0"
	case *ast.CallExpr:
		b, ok := typeutil.Callee(info, x).(*types.Builtin)
		return ok && b.Name() == "make"
	}
	return false
}

func (a *analysisState) rootedOutside(e ast.Expr, loop ast.Node) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, ok := a.pass.TypesInfo.Uses[x].(*types.Var)
			return ok && !within(v.Pos(), loop)
		default:
			return false
		}
	}
}

// invariant reports whether e has the same value in every iteration of
// loop: it reads only variables declared outside the loop that the loop
// does not assign, and calls only deterministic functions fifolint models
// (aws.String, strconv, fmt.Sprintf, ...). Any other call may return a new
// value each time and makes e vary.
func (a *analysisState) invariant(e ast.Expr, loop ast.Node) bool {
	info := a.pass.TypesInfo
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			ok = false
		case *ast.CallExpr:
			if tv, isType := info.Types[n.Fun]; isType && tv.IsType() {
				return true // conversion
			}
			switch fn := typeutil.Callee(info, n).(type) {
			case *types.Builtin:
			case *types.Func:
				m, known := a.ev.cfg.model(fn.Origin())
				ok = known && m.how != source
			default:
				ok = false
			}
		case *ast.Ident:
			if v, isVar := info.Uses[n].(*types.Var); isVar {
				ok = !within(v.Pos(), loop) && !a.storedWithin(v, loop)
			}
		}
		return ok
	})
	return ok
}

func (a *analysisState) storedWithin(v *types.Var, loop ast.Node) bool {
	for _, s := range a.idx.stores[v] {
		if within(s.pos, loop) {
			return true
		}
	}
	for _, ps := range a.idx.pathStores[v] {
		if within(ps.pos, loop) {
			return true
		}
	}
	return false
}

// withBatchRepeats adds the batch findings to the package's values, in
// source order.
func withBatchRepeats(values, repeats []Value) []Value {
	if len(repeats) == 0 {
		return values
	}
	out := append(values, repeats...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Expr.Pos() < out[j].Expr.Pos() })
	return out
}

// collapseLiteralGroups reports a batch literal whose entries carry
// different constant groups (one per job kind) once, at the literal,
// naming the groups: the grouping is deliberate, and one finding per entry
// would repeat the same question.
func (a *analysisState) collapseLiteralGroups(ins *inspector.Inspector, values []Value) []Value {
	constGroups := false
	for _, v := range values {
		constGroups = constGroups || v.Field == fifoapi.GroupID && v.Origin.Kind == Const
	}
	if !constGroups {
		return values
	}
	drop := make(map[int]bool)
	var add []Value
	ins.Preorder([]ast.Node{(*ast.CompositeLit)(nil)}, func(n ast.Node) {
		lit := n.(*ast.CompositeLit)
		if _, isSlice := typeUnder(a.pass.TypesInfo.TypeOf(lit)).(*types.Slice); !isSlice || len(lit.Elts) < 2 {
			return
		}
		var members []int
		var groups []string
		seen := make(map[string]bool)
		for i, v := range values {
			if v.Field != fifoapi.GroupID || v.Origin.Kind != Const || v.Via != "" || !within(v.Expr.Pos(), lit) || !inBatchEntry(a.pass.TypesInfo, lit, v.Expr) {
				continue
			}
			members = append(members, i)
			if !seen[v.Origin.Desc] {
				seen[v.Origin.Desc] = true
				groups = append(groups, strings.TrimPrefix(v.Origin.Desc, "constant "))
			}
		}
		if len(groups) < 2 {
			return
		}
		for _, i := range members {
			drop[i] = true
		}
		add = append(add, Value{
			Field:   fifoapi.GroupID,
			Expr:    lit,
			Origin:  Origin{Kind: Const, Desc: strings.Join(groups, ", "), Pos: values[members[0]].Origin.Pos},
			InBatch: true,
		})
	})
	if len(add) == 0 {
		return values
	}
	var out []Value
	for i, v := range values {
		if !drop[i] {
			out = append(out, v)
		}
	}
	return withBatchRepeats(out, add)
}

// inBatchEntry reports whether e lies in an element of lit that is a batch
// entry literal.
func inBatchEntry(info *types.Info, lit *ast.CompositeLit, e ast.Expr) bool {
	for _, elt := range lit.Elts {
		x := ast.Unparen(elt)
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
			x = ast.Unparen(u.X)
		}
		if el, ok := x.(*ast.CompositeLit); ok && within(e.Pos(), el) && isBatchEntry(info.TypeOf(el)) {
			return true
		}
	}
	return false
}

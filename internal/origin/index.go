package origin

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// storeHow says how a variable or field received a value.
type storeHow uint8

const (
	storePlain    storeHow = iota // v = x, v := x, var v = x, T{f: x}
	storeOp                       // v += x
	storeIncDec                   // v++
	storeAddr                     // &v passed on, or a pointer method called on v: anything may be written
	storeRangeKey                 // for v := range x
	storeRangeVal                 // for _, v := range x
	storeZero                     // var v T
)

// A store is one place where a variable or field gets a value.
type store struct {
	how   storeHow
	value ast.Expr // the assigned expression, or the ranged-over one
	index int      // result index when value is a multi-value expression, else -1
	pos   token.Pos

	decl    *ast.FuncDecl // enclosing function declaration; nil at package level
	once    bool          // inside a function literal that sync.Once and friends run at most once
	guarded bool          // inside `if v == "" { ... }`: lazy initialization on first use
}

// A pathStore is a store to a field path below a local variable (m.Group = x).
type pathStore struct {
	path string
	store
}

type param struct {
	decl  *ast.FuncDecl
	index int // or Recv
}

// index holds, for one package, everything the evaluator looks up: who
// stores into which variable or field, which variables are parameters, which
// functions have bodies, and the sites the sink search visits.
type index struct {
	stores     map[*types.Var][]store
	pathStores map[*types.Var][]pathStore
	params     map[*types.Var]param
	litParams  map[*types.Var]bool
	funcs      map[*types.Func]*ast.FuncDecl
	returns    map[*ast.FuncDecl][]*ast.ReturnStmt
	calls      map[*types.Func][]call // in-package call sites of in-package functions
	fieldOwner map[*types.Var]*types.Named

	// nodes of interest for the sink search, by enclosing declaration
	// (nil for package-level initializers)
	sinkNodes map[*ast.FuncDecl][]ast.Node
	declOrder []*ast.FuncDecl
}

// A call is a call site of an in-package function.
type call struct {
	expr *ast.CallExpr
	decl *ast.FuncDecl
	once bool
}

// newIndex indexes files in one walk. It walks the syntax directly: most
// packages a run analyses set no id, and an inspector would cost a second
// walk and its event table.
func newIndex(info *types.Info, pkg *types.Package, files []*ast.File) *index {
	idx := &index{
		stores:     make(map[*types.Var][]store),
		pathStores: make(map[*types.Var][]pathStore),
		params:     make(map[*types.Var]param),
		litParams:  make(map[*types.Var]bool),
		funcs:      make(map[*types.Func]*ast.FuncDecl),
		returns:    make(map[*ast.FuncDecl][]*ast.ReturnStmt),
		calls:      make(map[*types.Func][]call),
		fieldOwner: make(map[*types.Var]*types.Named),
		sinkNodes:  make(map[*ast.FuncDecl][]ast.Node),
	}
	idx.indexFieldOwners(pkg)
	b := &indexBuilder{idx: idx, info: info}
	var stack []ast.Node // as inspector.WithStack: the file first, n last
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			b.visit(n, stack)
			return true
		})
	}
	return idx
}

// indexFieldOwners maps the fields of the package's named struct types to
// their type, so stores can be judged against the type's constructors.
func (idx *index) indexFieldOwners(pkg *types.Package) {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		if st, ok := named.Underlying().(*types.Struct); ok {
			for f := range st.Fields() {
				idx.fieldOwner[f] = named
			}
		}
	}
}

type indexBuilder struct {
	idx  *index
	info *types.Info
}

// visit indexes n, the last node of stack.
func (b *indexBuilder) visit(n ast.Node, stack []ast.Node) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		b.funcDecl(n)
	case *ast.FuncLit:
		b.fieldList(n.Type.Params, func(v *types.Var, _ int) { b.idx.litParams[v] = true })
	case *ast.ReturnStmt:
		if d := enclosingDecl(stack); d != nil && innermostFunc(stack) == ast.Node(d) {
			b.idx.returns[d] = append(b.idx.returns[d], n)
		}
	case *ast.AssignStmt:
		b.assign(n, stack)
	case *ast.ValueSpec:
		b.valueSpec(n, stack)
	case *ast.RangeStmt:
		b.rangeStmt(n, stack)
	case *ast.IncDecStmt:
		b.record(n.X, store{how: storeIncDec, index: -1, pos: n.Pos()}, stack)
	case *ast.CompositeLit:
		b.compositeLit(n, stack)
	case *ast.UnaryExpr:
		if n.Op == token.AND && len(stack) >= 2 {
			if call, isCall := stack[len(stack)-2].(*ast.CallExpr); isCall {
				b.recordWrite(n.X, call, n.Pos(), stack)
			}
		}
	case *ast.CallExpr:
		b.callExpr(n, stack)
	}
}

func (b *indexBuilder) funcDecl(d *ast.FuncDecl) {
	if fn, ok := b.info.Defs[d.Name].(*types.Func); ok && d.Body != nil {
		b.idx.funcs[fn] = d
	}
	b.idx.declOrder = append(b.idx.declOrder, d)
	if d.Recv != nil {
		b.fieldList(d.Recv, func(v *types.Var, _ int) { b.idx.params[v] = param{d, Recv} })
	}
	b.fieldList(d.Type.Params, func(v *types.Var, i int) { b.idx.params[v] = param{d, i} })
}

func (b *indexBuilder) fieldList(fl *ast.FieldList, f func(*types.Var, int)) {
	if fl == nil {
		return
	}
	i := 0
	for _, field := range fl.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := b.info.Defs[name].(*types.Var); ok {
				f(v, i)
			}
			i++
		}
	}
}

func (b *indexBuilder) assign(n *ast.AssignStmt, stack []ast.Node) {
	how := storePlain
	if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
		how = storeOp
	}
	if len(n.Lhs) == len(n.Rhs) {
		for i, lhs := range n.Lhs {
			s := store{how: how, value: n.Rhs[i], index: -1, pos: n.Pos()}
			if isIncrement(b.info, n.Tok, lhs, n.Rhs[i]) {
				s.how = storeIncDec
			}
			b.record(lhs, s, stack)
		}
	} else if len(n.Rhs) == 1 {
		for i, lhs := range n.Lhs {
			b.record(lhs, store{how: how, value: n.Rhs[0], index: i, pos: n.Pos()}, stack)
		}
	}
	b.noteSinkNode(n, stack)
}

func (b *indexBuilder) valueSpec(n *ast.ValueSpec, stack []ast.Node) {
	for i, name := range n.Names {
		s := store{how: storeZero, index: -1, pos: name.Pos()}
		switch {
		case len(n.Values) == len(n.Names):
			s = store{how: storePlain, value: n.Values[i], index: -1, pos: name.Pos()}
		case len(n.Values) == 1:
			s = store{how: storePlain, value: n.Values[0], index: i, pos: name.Pos()}
		}
		b.record(name, s, stack)
	}
}

func (b *indexBuilder) rangeStmt(n *ast.RangeStmt, stack []ast.Node) {
	if n.Key != nil {
		b.record(n.Key, store{how: storeRangeKey, value: n.X, index: -1, pos: n.Pos()}, stack)
	}
	if n.Value != nil {
		b.record(n.Value, store{how: storeRangeVal, value: n.X, index: -1, pos: n.Pos()}, stack)
	}
}

// compositeLit records struct literal elements as stores to their fields,
// and carrier literals as sink nodes.
func (b *indexBuilder) compositeLit(n *ast.CompositeLit, stack []ast.Node) {
	st, ok := structOf(b.info.TypeOf(n))
	if !ok {
		if _, isMap := typeUnder(b.info.TypeOf(n)).(*types.Map); isMap {
			b.noteSinkNode(n, stack) // a messaging library's metadata
		}
		return
	}
	for i, elt := range n.Elts {
		var field *types.Var
		value := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, _ := kv.Key.(*ast.Ident)
			if id == nil {
				continue
			}
			field, _ = b.info.Uses[id].(*types.Var)
			value = kv.Value
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field != nil {
			b.add(field, store{how: storePlain, value: value, index: -1, pos: elt.Pos()}, stack)
		}
	}
	b.noteSinkNode(n, stack)
}

func (b *indexBuilder) callExpr(n *ast.CallExpr, stack []ast.Node) {
	b.noteSinkNode(n, stack)
	fn := typeutil.StaticCallee(b.info, n)
	if fn == nil {
		return
	}
	// A pointer method called on an addressable variable may write it
	// (strings.Builder.WriteString, json.Decoder.Decode into a field ...).
	if sig := fn.Signature(); sig.Recv() != nil {
		if _, isPtr := sig.Recv().Type().Underlying().(*types.Pointer); isPtr {
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if _, isPtrX := b.info.TypeOf(sel.X).Underlying().(*types.Pointer); !isPtrX {
					b.recordWrite(sel.X, n, n.Pos(), stack)
				}
			}
		}
	}
	if fn.Pkg() != nil && b.info.Defs != nil {
		b.idx.calls[fn.Origin()] = append(b.idx.calls[fn.Origin()], call{expr: n, decl: enclosingDecl(stack), once: inOnce(b.info, stack)})
	}
}

func (b *indexBuilder) noteSinkNode(n ast.Node, stack []ast.Node) {
	d := enclosingDecl(stack)
	b.idx.sinkNodes[d] = append(b.idx.sinkNodes[d], n)
}

// record notes a store to the variable or field that lhs denotes.
func (b *indexBuilder) record(lhs ast.Expr, s store, stack []ast.Node) {
	lhs = ast.Unparen(lhs)
	switch x := lhs.(type) {
	case *ast.Ident:
		v, _ := b.info.ObjectOf(x).(*types.Var)
		if v != nil {
			b.add(v, s, stack)
		}
	case *ast.SelectorExpr:
		sel := b.info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			// A qualified identifier: a store to another package's variable.
			if v, ok := b.info.Uses[x.Sel].(*types.Var); ok {
				b.add(v, s, stack)
			}
			return
		}
		field := sel.Obj().(*types.Var)
		b.add(field, s, stack)
		if root, path := rootPath(b.info, x); root != nil {
			b.addPath(root, path, s, stack)
		}
	case *ast.StarExpr:
		b.record(x.X, s, stack)
	case *ast.IndexExpr:
		// m[k] = v: the container changes; treat it as a store of v.
		b.record(x.X, store{how: storeOp, value: s.value, index: s.index, pos: s.pos}, stack)
	}
}

func (b *indexBuilder) add(v *types.Var, s store, stack []ast.Node) {
	v = v.Origin() // a field of an instantiated generic type: its declaration's
	b.complete(&s, v, stack)
	b.idx.stores[v] = append(b.idx.stores[v], s)
}

func (b *indexBuilder) addPath(root *types.Var, path string, s store, stack []ast.Node) {
	b.complete(&s, root, stack)
	b.idx.pathStores[root] = append(b.idx.pathStores[root], pathStore{path, s})
}

func (b *indexBuilder) complete(s *store, v *types.Var, stack []ast.Node) {
	s.decl = enclosingDecl(stack)
	s.once = inOnce(b.info, stack)
	s.guarded = lazilyInitialized(b.info, v, stack)
}

// rootPath returns the variable at the root of a field selection chain
// (m in m.A.B) and the dotted path below it ("A.B").
func rootPath(info *types.Info, e *ast.SelectorExpr) (*types.Var, string) {
	path := e.Sel.Name
	x := ast.Unparen(e.X)
	for {
		switch y := x.(type) {
		case *ast.SelectorExpr:
			if sel := info.Selections[y]; sel == nil || sel.Kind() != types.FieldVal {
				return nil, ""
			}
			path = y.Sel.Name + "." + path
			x = ast.Unparen(y.X)
			continue
		case *ast.StarExpr:
			x = ast.Unparen(y.X)
			continue
		case *ast.Ident:
			v, _ := info.ObjectOf(y).(*types.Var)
			return v, path
		}
		return nil, ""
	}
}

func enclosingDecl(stack []ast.Node) *ast.FuncDecl {
	for _, n := range stack {
		if d, ok := n.(*ast.FuncDecl); ok {
			return d
		}
	}
	return nil
}

func innermostFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// inOnce reports whether the innermost enclosing function literal is run at
// most once: passed to (*sync.Once).Do, sync.OnceFunc, sync.OnceValue or
// sync.OnceValues.
func inOnce(info *types.Info, stack []ast.Node) bool {
	for i := len(stack) - 1; i > 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok {
			continue
		}
		call, ok := stack[i-1].(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := typeutil.StaticCallee(info, call)
		return fn != nil && isOnceFunc(fn) && containsArg(call, lit)
	}
	return false
}

func isOnceFunc(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return false
	}
	switch fn.Name() {
	case "OnceFunc", "OnceValue", "OnceValues":
		return fn.Signature().Recv() == nil
	case "Do":
		return fifoapi.RecvName(fn) == "Once"
	}
	return false
}

func containsArg(call *ast.CallExpr, e ast.Expr) bool {
	for _, a := range call.Args {
		if a == e {
			return true
		}
	}
	return false
}

// lazilyInitialized reports whether a store to v sits in the body of an
// `if v == "" { ... }` (or == nil, len(v) == 0): the value is computed on
// first use and then kept, as good as computed once.
func lazilyInitialized(info *types.Info, v *types.Var, stack []ast.Node) bool {
	for i := len(stack) - 1; i > 0; i-- {
		ifs, ok := stack[i].(*ast.IfStmt)
		if !ok || i+1 >= len(stack) || stack[i+1] != ifs.Body {
			continue
		}
		if testsZero(info, ifs.Cond, v) {
			return true
		}
	}
	return false
}

func testsZero(info *types.Info, cond ast.Expr, v *types.Var) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LOR, token.LAND:
			return testsZero(info, c.X, v) || testsZero(info, c.Y, v)
		case token.EQL:
			return (mentions(info, c.X, v) && isZeroLit(info, c.Y)) || (mentions(info, c.Y, v) && isZeroLit(info, c.X))
		}
	}
	return false
}

func isZeroLit(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if ok && tv.IsNil() {
		return true
	}
	if ok && tv.Value != nil {
		s := tv.Value.ExactString()
		return s == `""` || s == "0"
	}
	return false
}

// mentions reports whether e is v, a selection ending in v, or len(v).
func mentions(info *types.Info, e ast.Expr, v *types.Var) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(x) == v
	case *ast.SelectorExpr:
		return info.ObjectOf(x.Sel) == v
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "len" && len(x.Args) == 1 {
			return mentions(info, x.Args[0], v)
		}
	}
	return false
}

func structOf(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

package origin

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// metadataSites returns the ids a node sets in a messaging library's
// metadata map under a key fifoapi knows (gocloud.dev's
// awssnssqs.MetadataKeyMessageGroupID, watermill-aws's
// sns.MessageGroupIdMetadataField, ...): a map literal, an index
// assignment, or watermill's Metadata.Set. ok is false for other nodes.
func (a *analysisState) metadataSites(n ast.Node, decl *ast.FuncDecl) (sites []site, ok bool) {
	info := a.pass.TypesInfo
	switch n := n.(type) {
	case *ast.CompositeLit:
		if _, isMap := typeUnder(info.TypeOf(n)).(*types.Map); !isMap {
			return nil, false
		}
		for _, elt := range n.Elts {
			if kv, isKV := elt.(*ast.KeyValueExpr); isKV {
				if f, isKey := a.metadataKey(kv.Key); isKey {
					sites = append(sites, a.direct(f, kv.Value, decl))
				}
			}
		}
		return sites, true
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
			return nil, false
		}
		for i, lhs := range n.Lhs {
			if ix, isIndex := ast.Unparen(lhs).(*ast.IndexExpr); isIndex {
				if f, isKey := a.metadataKey(ix.Index); isKey {
					sites = append(sites, a.direct(f, n.Rhs[i], decl))
				}
			}
		}
		return sites, len(sites) > 0
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(info, n)
		if fn == nil || !fifoapi.IsMetadataSetter(fn) || len(n.Args) != 2 {
			return nil, false
		}
		if f, isKey := a.metadataKey(n.Args[0]); isKey {
			return []site{a.direct(f, n.Args[1], decl)}, true
		}
		return nil, true
	}
	return nil, false
}

func (a *analysisState) metadataKey(e ast.Expr) (fifoapi.IDField, bool) {
	id, ok := identOf(ast.Unparen(e))
	if !ok {
		return 0, false
	}
	c, _ := a.pass.TypesInfo.ObjectOf(id).(*types.Const)
	return fifoapi.MetadataKey(c)
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

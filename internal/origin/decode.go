package origin

import (
	"fmt"
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// decoders are the functions that fill a struct with configuration
// through a pointer, by "pkgpath.Func" or "pkgpath.Type.Method" with any
// major-version suffix (/v2, /v11) removed from pkgpath.
var decoders = map[string]bool{
	"encoding/json.Unmarshal":                          true,
	"encoding/json.Decoder.Decode":                     true,
	"encoding/xml.Unmarshal":                           true,
	"encoding/xml.Decoder.Decode":                      true,
	"gopkg.in/yaml.v2.Unmarshal":                       true,
	"gopkg.in/yaml.v2.UnmarshalStrict":                 true,
	"gopkg.in/yaml.v2.Decoder.Decode":                  true,
	"gopkg.in/yaml.v3.Unmarshal":                       true,
	"gopkg.in/yaml.v3.Decoder.Decode":                  true,
	"github.com/kelseyhightower/envconfig.Process":     true,
	"github.com/kelseyhightower/envconfig.MustProcess": true,
	"github.com/caarlos0/env.Parse":                    true,
	"github.com/caarlos0/env.ParseWithOptions":         true,
	"github.com/caarlos0/env.ParseAs":                  true,
	"github.com/caarlos0/env.ParseAsWithOptions":       true,
	"github.com/spf13/viper.Unmarshal":                 true,
	"github.com/spf13/viper.UnmarshalKey":              true,
	"github.com/spf13/viper.UnmarshalExact":            true,
	"github.com/spf13/viper.Viper.Unmarshal":           true,
	"github.com/spf13/viper.Viper.UnmarshalKey":        true,
	"github.com/spf13/viper.Viper.UnmarshalExact":      true,
	"github.com/mitchellh/mapstructure.Decode":         true,
	"github.com/mitchellh/mapstructure.WeakDecode":     true,
	"github.com/mitchellh/mapstructure.Decoder.Decode": true,
	"github.com/go-viper/mapstructure.Decode":          true,
	"github.com/go-viper/mapstructure.WeakDecode":      true,
	"github.com/go-viper/mapstructure.Decoder.Decode":  true,
}

var majorSuffix = regexp.MustCompile(`/v[0-9]+$`)

// decoderName returns how a message names fn if it decodes configuration
// (envconfig.Process, json.Decoder.Decode, flag.FlagSet.StringVar), or "".
func (ev *evaluator) decoderName(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	fn = fn.Origin()
	path := majorSuffix.ReplaceAllString(fifoapi.TrimVendor(fn.Pkg().Path()), "")
	key := path + "." + fn.Name()
	if r := fifoapi.RecvName(fn); r != "" {
		key = path + "." + r + "." + fn.Name()
	}
	isFlag := (path == "flag" || path == "github.com/spf13/pflag") && (strings.HasSuffix(fn.Name(), "Var") || strings.HasSuffix(fn.Name(), "VarP"))
	if !decoders[key] && !isFlag {
		return ""
	}
	return fifoapi.FuncName(ev.pass.Pkg, fn)
}

// decodedOnce recognizes a store that fills a field of a long-lived
// producer with decoded configuration: the field's address passed to a
// decoder (envconfig.Process("", &p.cfg)), or a local variable so filled
// then stored in the field. When that happens while the producer is built
// or the program initializes, or in a method that is never on a send path
// (Start, Init, Provision: it sends nothing and nothing that sends calls
// it, by the package's call graph, whatever its name), the field holds one
// value for the life of the process.
func (ev *evaluator) decodedOnce(s store, owner *types.Named, path []string) (Origin, bool) {
	if s.decl == nil {
		return Origin{}, false
	}
	dec := ev.decoderOf(s)
	if dec == "" || !ev.constructing(s, owner) && (ev.onSendPath(s.decl) || ev.handlesRequests(s.decl)) {
		return Origin{}, false
	}
	return of(Fixed, fmt.Sprintf("field %s, decoded by %s in %s", strings.Join(path, "."), dec, declName(s.decl)), s.pos), true
}

// decodedAtStart reports whether a store decodes configuration in a
// function that is never on a send path (a package variable filled in
// Start).
func (ev *evaluator) decodedAtStart(s store) bool {
	return s.decl != nil && ev.decoderOf(s) != "" && !ev.onSendPath(s.decl) && !ev.handlesRequests(s.decl)
}

// handlesRequests reports whether decl serves HTTP requests (it takes an
// *http.Request or an http.ResponseWriter): what it decodes is a request,
// once per request, even when it sends nothing itself and leaves the data
// for another method to send.
func (ev *evaluator) handlesRequests(decl *ast.FuncDecl) bool {
	return takesParam(ev.info, decl, "net/http", "Request", "ResponseWriter")
}

// decoderOf names the decoder that produced the value of a store, or "".
func (ev *evaluator) decoderOf(s store) string {
	switch {
	case s.how == storeAddr:
		if call := callWithAddrArg(s.decl, s); call != nil {
			return ev.decoderName(typeutil.StaticCallee(ev.info, call))
		}
	case s.how == storePlain && s.index <= 0 && s.value != nil:
		switch v := ast.Unparen(s.value).(type) {
		case *ast.CallExpr: // cfg, err := env.ParseAs[Config](); m, err := parseMeta(props)
			fn := typeutil.StaticCallee(ev.info, v)
			if fn == nil || fn.Signature().Results().Len() <= max(s.index, 0) || isError(fn.Signature().Results().At(max(s.index, 0)).Type()) {
				return "" // p.err = json.Unmarshal(...) stores no configuration
			}
			if d := ev.decoderName(fn); d != "" {
				return d
			}
			return ev.decodedResult(fn, max(s.index, 0))
		case *ast.Ident: // p.cfg = cfg, after envconfig.Process("", &cfg)
			local, ok := ev.info.Uses[v].(*types.Var)
			if !ok || isPackageLevel(local) {
				return ""
			}
			if _, isParam := ev.idx.params[local]; isParam {
				return ""
			}
			for _, ls := range ev.idx.stores[local] {
				if ls.how == storeAddr || ls.how == storePlain && ls.value != nil {
					if _, isIdent := ast.Unparen(ls.value).(*ast.Ident); isIdent {
						continue // one level only
					}
					if d := ev.decoderOf(ls); d != "" {
						return d
					}
				}
			}
		}
	}
	return ""
}

// decodedResult names the decoder behind result i of an in-package
// function that returns a local it decoded (parseMeta: var m meta;
// mapstructure.Decode(props, &m); return m, err), or "".
func (ev *evaluator) decodedResult(fn *types.Func, i int) string {
	if fn == nil {
		return ""
	}
	decl := ev.idx.funcs[fn.Origin()]
	if decl == nil {
		return ""
	}
	for _, ret := range ev.idx.returns[decl] {
		if i >= len(ret.Results) {
			continue
		}
		id, ok := ast.Unparen(ret.Results[i]).(*ast.Ident)
		if !ok {
			continue
		}
		local, ok := ev.info.Uses[id].(*types.Var)
		if !ok || isPackageLevel(local) {
			continue
		}
		for _, ls := range ev.idx.stores[local] {
			if ls.how == storeAddr {
				if d := ev.decoderOf(ls); d != "" {
					return d
				}
			}
		}
	}
	return ""
}

// callWithAddrArg finds the call in decl that takes the &x of an address
// store as an argument.
func callWithAddrArg(decl *ast.FuncDecl, s store) *ast.CallExpr {
	if decl == nil || decl.Body == nil {
		return nil
	}
	var found *ast.CallExpr
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found != nil {
			return found == nil
		}
		for _, a := range call.Args {
			if u, ok := a.(*ast.UnaryExpr); ok && u.Pos() == s.pos {
				found = call
			}
		}
		return true
	})
	return found
}

// sendPathKey memoizes onSendPath through evaluator.once: Kind Unknown
// means "on a send path".
type sendPathKey struct{ decl *ast.FuncDecl }

type sendsKey struct{ decl *ast.FuncDecl }

// onSendPath reports whether decl sends, or is called (in this package)
// by a function on a send path.
func (ev *evaluator) onSendPath(decl *ast.FuncDecl) bool {
	return ev.once(sendPathKey{decl}, func() Origin {
		if ev.sends(decl) {
			return unknown
		}
		fn, ok := ev.info.Defs[decl.Name].(*types.Func)
		if !ok {
			return Origin{}
		}
		for _, c := range ev.idx.calls[fn] {
			if c.decl != nil && !ev.initializingDecl(c.decl) && ev.onSendPath(c.decl) {
				return unknown
			}
		}
		return Origin{}
	}).Kind == Unknown
}

// sends reports whether decl, or a function of this package it calls,
// sends a message: it calls an operation with the shape of an SQS or SNS
// send, builds an SDK input, or calls a wrapper known to set ids.
func (ev *evaluator) sends(decl *ast.FuncDecl) bool {
	if decl == nil || decl.Body == nil {
		return false
	}
	return ev.once(sendsKey{decl}, func() Origin {
		found := false
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.CompositeLit:
				found = fifoapi.IsCarrier(ev.info.TypeOf(n))
			case *ast.CallExpr:
				if sig, ok := typeUnder(ev.info.TypeOf(n.Fun)).(*types.Signature); ok && fifoapi.IsSendSignature(sig) {
					found = true
					break
				}
				fn := typeutil.StaticCallee(ev.info, n)
				if fn == nil {
					break
				}
				fn = fn.Origin()
				if fd := ev.idx.funcs[fn]; fd != nil {
					found = ev.sends(fd)
				} else if fn.Pkg() != ev.pass.Pkg {
					var f SinkFact
					found = ev.pass.ImportObjectFact(fn, &f)
				}
			}
			return !found
		})
		if found {
			return unknown
		}
		return Origin{}
	}).Kind == Unknown
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

package origin

import (
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// A model describes a function fifolint knows without reading its source:
// std, the AWS SDKs and the common id generators. This keeps the analyzer
// out of those packages entirely.
type model struct {
	how  modelHow
	kind Kind   // for source models
	desc string // for source models; %s is the first argument when constant
}

type modelHow uint8

const (
	passArg0     modelHow = iota // result is the first argument (aws.String, ptr.ToString)
	joinArgs                     // deterministic function of the arguments (strconv, fmt.Sprintf, hashes)
	joinRecvArgs                 // deterministic function of receiver and arguments (time.Time.Format)
	source                       // a fresh value of a fixed kind (time.Now, uuid.New, os.Getenv)
)

var (
	pass0    = model{how: passArg0}
	pure     = model{how: joinArgs}
	pureRecv = model{how: joinRecvArgs}
)

func src(k Kind, desc string) model { return model{how: source, kind: k, desc: desc} }

// models maps "pkgpath.Func", "pkgpath.Type.Method", "pkgpath.*" (every
// function of a package) and "pkgpath.Type.*" (every method of a type).
var models = map[string]model{
	// Pointer helpers.
	"github.com/aws/aws-sdk-go-v2/aws.String":   pass0,
	"github.com/aws/aws-sdk-go-v2/aws.ToString": pass0,
	"github.com/aws/aws-sdk-go/aws.String":      pass0,
	"github.com/aws/aws-sdk-go/aws.StringValue": pass0,
	"github.com/aws/smithy-go/ptr.String":       pass0,
	"github.com/aws/smithy-go/ptr.ToString":     pass0,

	// Deterministic transformations.
	"fmt.Sprint":                     pure,
	"fmt.Sprintf":                    pure,
	"fmt.Sprintln":                   pure,
	"fmt.Append":                     pure,
	"fmt.Appendf":                    pure,
	"strconv.*":                      pure,
	"strings.*":                      pure,
	"bytes.*":                        pure,
	"path.*":                         pure,
	"path/filepath.*":                pure,
	"unicode.*":                      pure,
	"encoding/hex.*":                 pure,
	"encoding/binary.*":              pure,
	"encoding/binary.bigEndian.*":    pure,
	"encoding/binary.littleEndian.*": pure,
	"math.*":                         pure,
	"html.EscapeString":              pure,
	"encoding/base64.Encoding.*":     pure,
	"encoding/base32.Encoding.*":     pure,
	"encoding/json.Marshal":          pure,
	"crypto/md5.Sum":                 pure,
	"crypto/sha1.Sum":                pure,
	"crypto/sha256.Sum256":           pure,
	"crypto/sha256.Sum224":           pure,
	"crypto/sha512.Sum512":           pure,
	"crypto/sha512.Sum384":           pure,
	"hash/crc32.ChecksumIEEE":        pure,
	"hash/crc32.Checksum":            pure,
	"net/url.QueryEscape":            pure,
	"net/url.PathEscape":             pure,

	// The clock.
	"time.Now":        src(Clock, "time.Now()"),
	"time.Since":      src(Clock, "time.Since()"),
	"time.Until":      src(Clock, "time.Until()"),
	"time.Unix":       pure,
	"time.UnixMilli":  pure,
	"time.UnixMicro":  pure,
	"time.Date":       pure,
	"time.Time.*":     pureRecv,
	"time.Duration.*": pureRecv,

	// Real entropy. ULIDs, UUIDv7, KSUIDs and xids embed a timestamp but
	// also random or machine-unique bits: safe as dedup ids.
	"github.com/google/uuid.New":                   src(Entropy, "uuid.New()"),
	"github.com/google/uuid.NewString":             src(Entropy, "uuid.NewString()"),
	"github.com/google/uuid.NewRandom":             src(Entropy, "uuid.NewRandom()"),
	"github.com/google/uuid.NewRandomFromReader":   src(Entropy, "uuid.NewRandomFromReader()"),
	"github.com/google/uuid.NewUUID":               src(Entropy, "uuid.NewUUID()"),
	"github.com/google/uuid.NewV6":                 src(Entropy, "uuid.NewV6()"),
	"github.com/google/uuid.NewV7":                 src(Entropy, "uuid.NewV7()"),
	"github.com/google/uuid.Must":                  pure,
	"github.com/google/uuid.NewMD5":                pure,
	"github.com/google/uuid.NewSHA1":               pure,
	"github.com/google/uuid.Parse":                 pure,
	"github.com/google/uuid.MustParse":             pure,
	"github.com/google/uuid.UUID.*":                pureRecv,
	"github.com/oklog/ulid.Make":                   src(Entropy, "ulid.Make()"),
	"github.com/oklog/ulid.New":                    src(Entropy, "ulid.New()"),
	"github.com/oklog/ulid.MustNew":                src(Entropy, "ulid.MustNew()"),
	"github.com/oklog/ulid.ULID.*":                 pureRecv,
	"github.com/oklog/ulid/v2.Make":                src(Entropy, "ulid.Make()"),
	"github.com/oklog/ulid/v2.New":                 src(Entropy, "ulid.New()"),
	"github.com/oklog/ulid/v2.MustNew":             src(Entropy, "ulid.MustNew()"),
	"github.com/oklog/ulid/v2.MustNewDefault":      src(Entropy, "ulid.MustNewDefault()"),
	"github.com/oklog/ulid/v2.ULID.*":              pureRecv,
	"github.com/segmentio/ksuid.New":               src(Entropy, "ksuid.New()"),
	"github.com/segmentio/ksuid.NewRandom":         src(Entropy, "ksuid.NewRandom()"),
	"github.com/segmentio/ksuid.NewRandomWithTime": src(Entropy, "ksuid.NewRandomWithTime()"),
	"github.com/segmentio/ksuid.KSUID.*":           pureRecv,
	"github.com/rs/xid.New":                        src(Entropy, "xid.New()"),
	"github.com/rs/xid.NewWithTime":                src(Entropy, "xid.NewWithTime()"),
	"github.com/rs/xid.ID.*":                       pureRecv,
	"crypto/rand.Text":                             src(Entropy, "rand.Text()"),
	"crypto/rand.Int":                              src(Entropy, "rand.Int()"),
	"math/rand.*":                                  src(Entropy, "math/rand"),
	"math/rand.Rand.*":                             src(Entropy, "math/rand"),
	"math/rand/v2.*":                               src(Entropy, "math/rand/v2"),
	"math/rand/v2.Rand.*":                          src(Entropy, "math/rand/v2"),

	// Fixed for the process.
	"os.Getenv":                              src(Fixed, "environment variable %s"),
	"os.LookupEnv":                           src(Fixed, "environment variable %s"),
	"os.ExpandEnv":                           src(Fixed, "environment variables (os.ExpandEnv)"),
	"os.Hostname":                            src(Fixed, "the host name (os.Hostname)"),
	"os.Getpid":                              src(Fixed, "the process id (os.Getpid)"),
	"os.Executable":                          src(Fixed, "the executable path"),
	"github.com/spf13/viper.GetString":       src(Fixed, "configuration value %s (viper.GetString)"),
	"github.com/spf13/viper.Viper.GetString": src(Fixed, "configuration value %s (viper.GetString)"),

	// In-process counters.
	"sync/atomic.AddInt64":   src(Counter, "a per-process atomic counter"),
	"sync/atomic.AddInt32":   src(Counter, "a per-process atomic counter"),
	"sync/atomic.AddUint64":  src(Counter, "a per-process atomic counter"),
	"sync/atomic.AddUint32":  src(Counter, "a per-process atomic counter"),
	"sync/atomic.Int64.Add":  src(Counter, "a per-process atomic counter"),
	"sync/atomic.Int32.Add":  src(Counter, "a per-process atomic counter"),
	"sync/atomic.Uint64.Add": src(Counter, "a per-process atomic counter"),
	"sync/atomic.Uint32.Add": src(Counter, "a per-process atomic counter"),
	// Loads read the variable they are handed, a counter when only adds write it.
	"sync/atomic.LoadInt64":   pass0,
	"sync/atomic.LoadInt32":   pass0,
	"sync/atomic.LoadUint64":  pass0,
	"sync/atomic.LoadUint32":  pass0,
	"sync/atomic.Int64.Load":  pureRecv,
	"sync/atomic.Int32.Load":  pureRecv,
	"sync/atomic.Uint64.Load": pureRecv,
	"sync/atomic.Uint32.Load": pureRecv,
}

// funcList is a flag.Value holding comma-separated function names.
type funcList struct{ names *[]string }

func (l funcList) String() string {
	if l.names == nil {
		return ""
	}
	return strings.Join(*l.names, ",")
}

func (l funcList) Set(s string) error {
	var names []string
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !strings.Contains(n, ".") || strings.HasSuffix(n, ".") {
			return fmt.Errorf("%q is not a function name of the form pkgpath.Func or pkgpath.Type.Method", n)
		}
		names = append(names, n)
	}
	*l.names = names
	return nil
}

// Config adds the user's own knowledge to the built-in models.
type Config struct {
	Clock   []string // extra functions whose result is clock-derived ("pkgpath.Func", "pkgpath.Type.Method")
	Entropy []string // extra functions whose result carries entropy
}

// ClockFlag and EntropyFlag are flag values for the lists, written as
// comma-separated "pkgpath.Func" or "pkgpath.Type.Method".
func (c *Config) ClockFlag() flag.Value   { return funcList{&c.Clock} }
func (c *Config) EntropyFlag() flag.Value { return funcList{&c.Entropy} }

func (c *Config) model(fn *types.Func) (model, bool) {
	key := funcKey(fn)
	if c != nil {
		for _, k := range c.Clock {
			if k == key {
				return src(Clock, fifoapi.FuncName(nil, fn)+"()"), true
			}
		}
		for _, k := range c.Entropy {
			if k == key {
				return src(Entropy, fifoapi.FuncName(nil, fn)+"()"), true
			}
		}
	}
	if m, ok := models[key]; ok {
		return m, true
	}
	if fn.Pkg() == nil {
		return model{}, false
	}
	wildcard := fifoapi.TrimVendor(fn.Pkg().Path()) + ".*"
	if r := fifoapi.RecvName(fn); r != "" {
		wildcard = fifoapi.TrimVendor(fn.Pkg().Path()) + "." + r + ".*"
	}
	m, ok := models[wildcard]
	return m, ok
}

// funcKey is "pkgpath.Func" or "pkgpath.Type.Method".
func funcKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	path := fifoapi.TrimVendor(fn.Pkg().Path())
	if r := fifoapi.RecvName(fn); r != "" {
		return path + "." + r + "." + fn.Name()
	}
	return path + "." + fn.Name()
}

func (m model) apply(ev *evaluator, call *ast.CallExpr, fn *types.Func, index int, path []string, decl *ast.FuncDecl) Origin {
	switch m.how {
	case passArg0:
		if len(call.Args) == 0 {
			return unknown
		}
		return ev.value(call.Args[0], path, decl)
	case source:
		if index > 0 && m.kind != Entropy {
			return Origin{} // the ok of os.LookupEnv, the error of uuid.NewRandom
		}
		o := of(m.kind, m.describe(ev, call), call.Pos())
		o.Unique = m.kind == Counter // an atomic add: the process's sequence
		return o
	}
	var o Origin
	if m.how == joinRecvArgs {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := ev.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				o = ev.value(sel.X, nil, decl)
			}
		}
	}
	for _, a := range call.Args {
		o = Join(o, ev.value(a, nil, decl))
	}
	// Name the whole expression when it shows where the value comes from:
	// strconv.FormatInt(time.Now().UnixNano(), 10) says more than time.Now(),
	// fmt.Sprintf("%x", sec) says less.
	if !o.Pending() && (o.Kind == Clock || o.Kind == Const) {
		s := exprString(call)
		switch {
		case len(s) > 60:
		case o.Kind == Const:
			o.Desc = "constant expression " + s
		case strings.Contains(s, strings.TrimSuffix(o.Desc, "()")):
			o.Desc = s
		}
	}
	return o
}

func (m model) describe(ev *evaluator, call *ast.CallExpr) string {
	if !strings.Contains(m.desc, "%s") {
		return m.desc
	}
	arg := "(computed name)"
	if len(call.Args) > 0 {
		if tv, ok := ev.info.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			arg = constant.StringVal(tv.Value)
		}
	}
	return fmt.Sprintf(m.desc, arg)
}

func exprString(e ast.Expr) string { return types.ExprString(e) }

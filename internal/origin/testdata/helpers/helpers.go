// Package helpers exports functions and variables whose origins other
// packages need.
package helpers

import (
	"os"
	"strconv"
	"time"

	"github.com/google/uuid"
)

const prefix = "orders"

func Const() string { return prefix } // want Const:`result\(const\)`

var region = os.Getenv("REGION")

func Region() string { return region } // want Region:`result\(fixed\)`

func Stamp() string { return strconv.FormatInt(time.Now().UnixNano(), 10) } // want Stamp:`result\(clock\)`

func Random() string { return uuid.NewString() } // want Random:`result\(entropy\)`

func Key(tenant string) string { return prefix + ":" + tenant } // want Key:`result\(const\+param0\)`

func Pair() (string, error) { return prefix, nil } // want Pair:`result\(const, none\)`

// Unknown results export nothing.
func FromChan(c chan string) string { return <-c }

// Exported, assigned only at declaration.
var Group = "g" // want Group:`fixed`

// Exported but rewritten while running: no fact.
var Last string

func Remember(s string) { Last = s }

// Cmd is a linked structure: walking up its parents must terminate.
type Cmd struct {
	name   string
	parent *Cmd
}

func (c *Cmd) FullCommand() string {
	out := c.name
	for p := c.parent; p != nil; p = p.parent {
		out = p.name + " " + out
	}
	return out
}

// Tag is generic; its fact sits on the generic declaration.
func Tag[K ~string](kind K) string { return string(kind) + strconv.FormatInt(time.Now().Unix(), 10) } // want Tag:`result\(clock\+param0\)`

// Now is a clock held in a variable; tests elsewhere replace it.
var Now = time.Now // want Now:`result\(clock\)`

// Seq steps a counter in place.
var seq int64

func Next() string { seq = seq + 1; return strconv.FormatInt(seq, 10) } // want Next:`result\(counter\)`

func Stamped() string { return Now().String() } // want Stamped:`result\(clock\)`

// Package clockg exports generic id helpers.
package clockg

import (
	"fmt"
	"time"
)

// Stamp is the clock, whatever v is.
func Stamp[T any](v T) string { return fmt.Sprint(time.Now().UnixNano()) }

// Key is v's content: quiet.
func Key[T any](v T) string { return fmt.Sprintf("%v", v) }

// Package ids ports PHP's uniqid(): hex of the seconds and microseconds.
package ids

import (
	"fmt"
	"time"
)

// Uniqid looks unique while sends are serial.
func Uniqid() string {
	now := time.Now()
	sec := now.Unix()
	usec := now.UnixNano() / 1000 % 1000000
	return fmt.Sprintf("%08x%05x", sec, usec)
}

// Stamp is a formatted timestamp.
func Stamp(prefix string) string { return prefix + time.Now().UTC().Format("20060102150405.000000") }

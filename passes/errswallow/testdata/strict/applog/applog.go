// Package applog is a service's own logging helper: it only formats and
// logs.
package applog

import "log"

func Write(level, text string) { log.Printf("[%s] %s", level, text) }

func Failure(what string, err error) { Write("error", what+": "+err.Error()) }

// Alert does more than log: it pages someone.
func Alert(err error, page func(string)) {
	log.Print(err)
	page(err.Error())
}

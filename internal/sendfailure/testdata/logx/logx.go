// Package logx is a project's own log helper.
package logx

import (
	"fmt"
	"log/slog"
)

func Log(level, msg string) { slog.Info(msg, "level", level) } // want Log:"logsOnly"

func Errorf(format string, args ...any) { Log("error", fmt.Sprintf(format, args...)) } // want Errorf:"logsOnly"

// Warn calls Log: a helper of a helper.
func Warn(msg string) { Log("warn", msg) } // want Warn:"logsOnly"

// Report does more than log.
func Report(err error, sink chan<- error) {
	slog.Error("report", "err", err)
	sink <- err
}

// Check returns something.
func Check(err error) error {
	slog.Error("check", "err", err)
	return err
}

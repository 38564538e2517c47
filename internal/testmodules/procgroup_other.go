//go:build !unix

package testmodules

import "os/exec"

// setProcessGroup leaves cmd as it is: without process groups, cancellation
// kills the command alone.
func setProcessGroup(cmd *exec.Cmd) {}

func killProcessGroup(cmd *exec.Cmd) error { return cmd.Process.Kill() }

//go:build unix

package testmodules

import (
	"os/exec"
	"syscall"
)

// setProcessGroup makes cmd the leader of a new process group, and its
// cancellation kill that group.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return killProcessGroup(cmd) }
}

func killProcessGroup(cmd *exec.Cmd) error {
	return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}

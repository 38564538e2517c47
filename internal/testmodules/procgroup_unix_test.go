//go:build unix

package testmodules

import (
	"bufio"
	"context"
	"errors"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCommandKillsProcessGroup: when the context ends, Command kills the
// command's children too, not only the command.
func TestCommandKillsProcessGroup(t *testing.T) {
	ctx, cancel := context.WithCancel(Context(t))
	cmd := Command(t, ctx, "sh", "-c", "sleep 60 & echo $!; wait")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Skipf("cannot start sh: %v", err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	child, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		t.Fatalf("child pid %q: %v", line, err)
	}
	cancel()
	_ = cmd.Wait()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		// The killed child is gone, or a zombie until init reaps it; a
		// signal to it then fails or is ignored, and it is not running.
		err := syscall.Kill(child, 0)
		if errors.Is(err, syscall.ESRCH) || !running(child) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the child %d of the cancelled command is still running", child)
		}
	}
}

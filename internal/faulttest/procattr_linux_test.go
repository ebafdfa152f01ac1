package faulttest

import (
	"os/exec"
	"syscall"
)

// setParentDeathSignal kills the child if the test binary dies without
// running its cleanups (a timeout panic, a crash).
func setParentDeathSignal(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

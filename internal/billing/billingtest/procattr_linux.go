package billingtest

import (
	"os/exec"
	"syscall"
)

// setParentDeathSignal has the kernel stop stripe-mock when the test binary
// dies without running its cleanups.
func setParentDeathSignal(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

package mailtest

import (
	"os/exec"
	"syscall"
)

// setParentDeathSignal has the kernel send SIGTERM to Mailpit when the test
// binary dies without calling Stop. SIGTERM, not SIGKILL, lets Mailpit
// delete its temporary database.
func setParentDeathSignal(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}

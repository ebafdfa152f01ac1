//go:build !linux

package billingtest

import "os/exec"

// setParentDeathSignal does nothing outside Linux, which alone has a parent
// death signal: there, only the test's cleanup ends stripe-mock.
func setParentDeathSignal(*exec.Cmd) {}

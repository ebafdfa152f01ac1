//go:build !linux

package mailtest

import "os/exec"

// setParentDeathSignal does nothing outside Linux, which alone has a parent
// death signal: there, only Stop (or Main) ends Mailpit.
func setParentDeathSignal(*exec.Cmd) {}

//go:build !linux

package blob_test

import "os/exec"

// setParentDeathSignal is Linux-only; elsewhere test cleanups must do.
func setParentDeathSignal(*exec.Cmd) {}

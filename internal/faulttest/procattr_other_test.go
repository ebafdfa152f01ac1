//go:build !linux

package faulttest

import "os/exec"

// setParentDeathSignal is Linux-only; elsewhere test cleanups must do.
func setParentDeathSignal(*exec.Cmd) {}

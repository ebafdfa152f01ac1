// Package blobtest holds the conformance suite that every S3 backend of
// package blob must pass (the embedded server, versitygw, a real S3), and
// helpers to make large test bodies without holding them in memory.
package blobtest

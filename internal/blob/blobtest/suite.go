package blobtest

import (
	"testing"

	"passerelle/internal/blob"
)

// Run runs the conformance suite. newStore must return a Store on an empty
// bucket of its own (or one where the suite's unique key prefixes cannot
// collide), with PutOptions.MaxSize unset and default Config otherwise.
// Each case is a subtest calling newStore once.
func Run(t *testing.T, newStore func(t *testing.T) *blob.Store) {
	cases := []struct {
		name string
		run  func(t *testing.T, s *blob.Store)
	}{
		{"Ping", testPing},
		{"PutGetKnownSmall", testPutGetKnownSmall},
		{"PutGetUnknownSmall", testPutGetUnknownSmall},
		{"PutGetKnownLarge", testPutGetKnownLarge},
		{"PutGetUnknownLarge", testPutGetUnknownLarge},
		{"PutUnknownExactlyFirstChunk", testPutUnknownExactlyFirstChunk},
		{"PutEmpty", testPutEmpty},
		{"PutZeroSizeWithData", testPutZeroSizeWithData},
		{"DefaultContentType", testDefaultContentType},
		{"Stat", testStat},
		{"Overwrite", testOverwrite},
		{"FailedOverwriteKeepsOld", testFailedOverwriteKeepsOld},
		{"BodyErrorStoresNothing", testBodyErrorStoresNothing},
		{"Delete", testDelete},
		{"Missing", testMissing},
		{"List", testList},
		{"UnusualKeys", testUnusualKeys},
		{"InvalidKeys", testInvalidKeys},
		{"MaxSize", testMaxSize},
		{"PresignGet", testPresignGet},
		{"PresignPut", testPresignPut},
		{"PresignExpiry", testPresignExpiry},
		{"PresignExpiryBounds", testPresignExpiryBounds},
		{"Concurrent", testConcurrent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.run(t, newStore(t))
		})
	}
}

package blob

import (
	"context"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/middleware"
)

// withPayloadHash replaces the SDK's payload hashing step of one PutObject
// with the hash computed while buffering or spooling the body, so the SDK
// signs it without reading the body a second time (it would otherwise read
// a non-seekable body to hash it and then fail to rewind it).
func withPayloadHash(hash string) func(*s3.Options) {
	return s3.WithAPIOptions(func(st *middleware.Stack) error {
		_, err := st.Finalize.Swap((*v4.ComputePayloadSHA256)(nil).ID(), knownPayloadHash(hash))
		return err
	})
}

// knownPayloadHash is a finalize middleware that records a precomputed
// payload SHA-256 for the signer, in place of v4.ComputePayloadSHA256.
type knownPayloadHash string

// ID takes the hashing middleware's place in the stack.
func (h knownPayloadHash) ID() string { return (*v4.ComputePayloadSHA256)(nil).ID() }

// HandleFinalize stores the hash where the signer and the
// X-Amz-Content-Sha256 header middleware read it.
func (h knownPayloadHash) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	return next.HandleFinalize(v4.SetPayloadHash(ctx, string(h)), in)
}

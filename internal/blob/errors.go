package blob

import (
	"errors"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

var (
	// ErrNotFound reports that no object has the key.
	ErrNotFound = errors.New("blob: object not found")
	// ErrTooLarge reports a body over PutOptions.MaxSize or MaxPutSize.
	ErrTooLarge = errors.New("blob: object too large")
	// ErrInvalidKey reports a key that ValidateKey rejects.
	ErrInvalidKey = errors.New("blob: invalid key")
	// ErrInvalidExpiry reports a presign expiry outside MinPresignExpiry..MaxPresignExpiry.
	ErrInvalidExpiry = errors.New("blob: invalid presign expiry")
)

// isNotFound tells whether an SDK error means the object does not exist.
// HeadObject answers 404 without a body, so the SDK cannot name the error:
// the status code is the only signal there.
func isNotFound(err error) bool {
	var nsk *types.NoSuchKey
	var nf *types.NotFound
	if errors.As(err, &nsk) || errors.As(err, &nf) {
		return true
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode() {
		case "NoSuchKey", "NotFound":
			return true
		case "NoSuchBucket":
			return false
		}
	}
	var respErr *smithyhttp.ResponseError
	return errors.As(err, &respErr) && respErr.HTTPStatusCode() == http.StatusNotFound
}

// isBucketAlreadyMine tells whether CreateBucket failed only because the
// bucket exists. Self-hosted servers answer BucketAlreadyExists even to the
// owner, so that code counts too; New confirms access with HeadBucket.
func isBucketAlreadyMine(err error) bool {
	var owned *types.BucketAlreadyOwnedByYou
	var exists *types.BucketAlreadyExists
	return errors.As(err, &owned) || errors.As(err, &exists)
}

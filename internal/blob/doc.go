// Package blob stores objects (uploaded documents, images, exports) through
// the S3 API with aws-sdk-go-v2.
//
// Every backend is reached over HTTP with the same code path: the embedded
// single-machine server (package s3server), versitygw in tests, and any
// S3-compatible service in production. Objects are private: readers get
// short-lived presigned URLs after the caller has checked authorization.
//
// Keys are validated before any request (see ValidateKey) and a missing
// object is reported as ErrNotFound, whatever the server.
package blob

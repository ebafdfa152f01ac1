package blob

import "time"

// Object describes a stored object.
type Object struct {
	// Key is the object's key in the bucket.
	Key string
	// Size is the object's length in bytes.
	Size int64
	// ContentType is the media type stored with the object. List leaves it
	// empty: ListObjectsV2 does not return it.
	ContentType string
	// ETag is the entity tag, without the surrounding quotes.
	ETag string
	// LastModified is when the server stored the object (second precision).
	// After Put it is the server's Date header, which saves a HeadObject.
	LastModified time.Time
}

// PutOptions describe the body given to Put.
type PutOptions struct {
	// ContentType is stored with the object; empty means
	// "application/octet-stream".
	ContentType string
	// Size is the exact body length, or -1 (any negative value) when it is
	// unknown. A body of known length is streamed as it is; one of unknown
	// length is buffered or spooled first (see Put). Zero means an empty
	// body: Put fails if the body has data, rather than store nothing.
	Size int64
	// MaxSize rejects bodies longer than this many bytes with ErrTooLarge,
	// before anything is stored. Zero means no limit below MaxPutSize.
	MaxSize int64
}

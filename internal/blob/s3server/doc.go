// Package s3server runs the embedded S3 server: gofakes3 over a directory,
// served over plain HTTP on a loopback port. Passerelle uses it as its
// object store in single-machine mode, and tests use it as a real S3
// endpoint reached over HTTP.
//
// gofakes3 checks no signature and accepts any credentials, so anyone who
// can connect can read and write every object. That is why Start only
// listens on a loopback address: the server is reachable from this machine
// alone, never from the network. Plain HTTP is deliberate too: over HTTPS
// the SDK's aws-chunked uploads would be stored with their framing.
package s3server

// Package faulttest holds the fault tests of issue 11: the whole API, with
// its job runner, on servers the tests own (a private PostgreSQL cluster,
// a versitygw S3 gateway, an on-disk search index), one of which is
// stopped under traffic. They run in `go test ./...` and so in `make
// test`; each is bounded in time. The package has no code outside tests:
// the tests build the product as cmd/passerelle's serve does.
package faulttest

// Package search holds the engine-independent model of Passerelle's search:
// the documents indexed for offers, tenders and suppliers, the queries, the
// results, and the Engine interface that the embedded engine (search/bleve)
// and Meilisearch (search/meili) implement. Every engine must pass the one
// conformance suite in search/searchtest.
//
// The engine returns ids, never rows: the caller loads the listings from
// PostgreSQL, which stays the only source of truth. An index can always be
// rebuilt from the database.
//
// Index names: the application reads and writes a stable live name (for
// example "listings"). A full reindex builds a fresh versioned index (for
// example "listings_v20261126T0300"), then Swap exchanges the contents of the
// two names atomically, so searches never see a half-built index, and finally
// DropIndex removes the versioned name, which now holds the old contents.
// This is Meilisearch's swap semantics; the embedded engine implements the
// same exchange so that callers behave identically on both.
package search

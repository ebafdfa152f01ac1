// Package loadbench is `make bench-load`: it fills a Passerelle database
// with a generated volume on top of the demonstration data (organisations,
// offers and tenders whose multilingual texts are drawn from the CPV and
// NACE labels, the Grande Région's NUTS regions and the dev corpus's
// notices), then drives the running product over HTTP at a constant
// arrival rate (an open model: requests leave on schedule whatever the
// answers' speed) with a realistic mix of searches, listing pages and
// signed-in writes, and reports throughput, latency percentiles and errors
// per kind beside the /healthz ceiling measured in the same run.
// cmd/passerelle-load drives it.
package loadbench

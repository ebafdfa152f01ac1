package api

// mapItems converts a page of domain values into their response bodies,
// in order: every list route answers with one body per item.
func mapItems[T, B any](page []T, body func(T) B) []B {
	out := make([]B, len(page))
	for i, v := range page {
		out[i] = body(v)
	}
	return out
}

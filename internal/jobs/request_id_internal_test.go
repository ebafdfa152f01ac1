package jobs

import "testing"

func TestWithMetadataKeepsWhatIsThere(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", `{"request_id":"r1"}`},
		{"{}", `{"request_id":"r1"}`},
		{`{"output":{"n":1}}`, `{"output":{"n":1},"request_id":"r1"}`},
		{`{"request_id":"r0"}`, `{"request_id":"r0"}`}, // an id the caller set is kept
	} {
		got, err := withMetadata([]byte(c.in), metadataRequestID, "r1")
		if err != nil || string(got) != c.want {
			t.Errorf("withMetadata(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	if _, err := withMetadata([]byte("[1]"), metadataRequestID, "r1"); err == nil {
		t.Error("metadata that is not an object must be an error")
	}
}

package jobs

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"passerelle/internal/requestid"
)

// metadataRequestID is the key of the request id in a job's metadata.
const metadataRequestID = "request_id"

// requestIDMiddleware follows a request into its jobs: a job inserted with
// a context carrying a request id (an API request, or a job that itself
// came from one) keeps it in its metadata, and the job runs with it in its
// context, so that the workers' log lines (logged with the context, through
// a requestid.NewHandler logger) carry request_id.
type requestIDMiddleware struct {
	river.MiddlewareDefaults
}

var (
	_ rivertype.JobInsertMiddleware = (*requestIDMiddleware)(nil)
	_ rivertype.WorkerMiddleware    = (*requestIDMiddleware)(nil)
)

func (*requestIDMiddleware) InsertMany(ctx context.Context, params []*rivertype.JobInsertParams,
	doInner func(context.Context) ([]*rivertype.JobInsertResult, error),
) ([]*rivertype.JobInsertResult, error) {
	if id := requestid.From(ctx); id != "" {
		for _, p := range params {
			md, err := withMetadata(p.Metadata, metadataRequestID, id)
			if err != nil {
				return nil, fmt.Errorf("jobs: metadata of a %s job: %w", p.Kind, err)
			}
			p.Metadata = md
		}
	}
	return doInner(ctx)
}

func (*requestIDMiddleware) Work(ctx context.Context, job *rivertype.JobRow, doInner func(context.Context) error) error {
	var md struct {
		RequestID string `json:"request_id"`
	}
	if len(job.Metadata) > 0 && json.Unmarshal(job.Metadata, &md) == nil {
		ctx = requestid.With(ctx, md.RequestID)
	}
	return doInner(ctx)
}

// withMetadata sets key in a job's JSON metadata object, keeping the rest.
func withMetadata(raw []byte, key, value string) ([]byte, error) {
	md := map[string]json.RawMessage{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &md); err != nil {
			return nil, err
		}
	}
	if _, set := md[key]; set {
		return raw, nil
	}
	v, err := json.Marshal(value)
	if err != nil {
		return nil, err
	}
	md[key] = v
	return json.Marshal(md)
}

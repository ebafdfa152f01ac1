package blob

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// DownloadOrigin returns the origin ("scheme://host[:port]") of the
// presigned download links this store issues, for the web app's
// Content-Security-Policy: browsers load those links directly. It signs a
// link locally and makes no request.
func (s *Store) DownloadOrigin(ctx context.Context) (string, error) {
	raw, err := s.PresignGet(ctx, "origin-probe", time.Minute)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", fmt.Errorf("blob: presigned URL %q has no origin", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

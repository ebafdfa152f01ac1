package loadbench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// SignIn opens a session for each user with password, and makes the user's
// organisation the one it acts for.
func SignIn(ctx context.Context, client *http.Client, base string, users []PoolUser, password string) ([]*Session, error) {
	var out []*Session
	for _, u := range users {
		body, _ := json.Marshal(map[string]string{"email": u.Email, "password": password})
		cookies, err := send(ctx, client, base, "POST", "/api/v1/auth/login", body, nil)
		if err != nil {
			return nil, fmt.Errorf("sign in as %s: %w", u.Email, err)
		}
		s := &Session{Email: u.Email, OrganisationID: u.OrganisationID, Supplier: u.Supplier, Cookies: cookies}
		body, _ = json.Marshal(map[string]string{"organisation_id": u.OrganisationID})
		if _, err := send(ctx, client, base, "PUT", "/api/v1/me/active-organisation", body, s); err != nil {
			return nil, fmt.Errorf("%s acts for %s: %w", u.Email, u.OrganisationID, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// send sends one JSON request and returns the cookies the answer sets.
func send(ctx context.Context, client *http.Client, base, method, path string, body []byte, s *Session) ([]*http.Cookie, error) {
	req, err := http.NewRequestWithContext(ctx, method, base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", base)
	if s != nil {
		for _, c := range s.Cookies {
			req.AddCookie(c)
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	b, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode >= 300 {
		return nil, fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(b))
	}
	return resp.Cookies(), nil
}

package ocdstest

import (
	"encoding/json"
	"errors"
	"fmt"
)

// The required fields of OCDS 1.1, asserted one by one in Go, apart from
// the draft-4 restatement in release-package-1.1.schema.json: issue 10
// asks for the official schema, "otherwise the required fields asserted
// one by one". The official files are
//
//	https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json
//	https://standard.open-contracting.org/schema/1__1__5/release-schema.json
//
// (and the lots extension's release-schema.json); no channel this project
// reaches (the Go module proxy, the npm registry, Debian's archive)
// carries them, so their "required" lists are written out here:
//
//   - release package: uri, publisher (with name), publishedDate,
//     releases, version — which must be "1.1" for this publisher;
//   - release: ocid, id, date, tag (at least one), initiationType;
//   - tender, each award, item and lot (lots extension): id;
//   - each contract: id and awardID.
//
// Strings must be non-empty: an empty identifier is no identifier.

// CheckRequired returns every required OCDS 1.1 field missing from raw, a
// release package, joined in one error; nil when none is.
func CheckRequired(raw []byte) error {
	var pkg map[string]any
	if err := json.Unmarshal(raw, &pkg); err != nil {
		return err
	}
	var errs []error
	missing := func(path string) { errs = append(errs, fmt.Errorf("%s is required", path)) }
	str := func(obj map[string]any, key, path string) {
		if s, ok := obj[key].(string); !ok || s == "" {
			missing(path + "." + key)
		}
	}
	ids := func(obj map[string]any, key, path string, fields ...string) {
		list, ok := obj[key].([]any)
		if !ok {
			return // optional lists
		}
		for i, x := range list {
			m, ok := x.(map[string]any)
			if !ok {
				errs = append(errs, fmt.Errorf("%s.%s[%d] is not an object", path, key, i))
				continue
			}
			for _, f := range fields {
				str(m, f, fmt.Sprintf("%s.%s[%d]", path, key, i))
			}
		}
	}

	str(pkg, "uri", "package")
	str(pkg, "publishedDate", "package")
	if v, _ := pkg["version"].(string); v != "1.1" {
		errs = append(errs, fmt.Errorf("package.version is %q, want \"1.1\"", pkg["version"]))
	}
	if pub, ok := pkg["publisher"].(map[string]any); !ok {
		missing("package.publisher")
	} else {
		str(pub, "name", "package.publisher")
	}
	releases, ok := pkg["releases"].([]any)
	if !ok {
		missing("package.releases")
	}
	for i, x := range releases {
		path := fmt.Sprintf("releases[%d]", i)
		r, ok := x.(map[string]any)
		if !ok {
			errs = append(errs, fmt.Errorf("%s is not an object", path))
			continue
		}
		for _, f := range []string{"ocid", "id", "date", "initiationType"} {
			str(r, f, path)
		}
		if tags, ok := r["tag"].([]any); !ok || len(tags) == 0 {
			missing(path + ".tag")
		}
		ids(r, "awards", path, "id")
		ids(r, "contracts", path, "id", "awardID")
		if tender, ok := r["tender"].(map[string]any); ok {
			str(tender, "id", path+".tender")
			ids(tender, "items", path+".tender", "id")
			ids(tender, "lots", path+".tender", "id")
		}
	}
	return errors.Join(errs...)
}

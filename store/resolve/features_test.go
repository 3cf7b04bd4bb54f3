package resolve

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vigie/vigie/store/match"
)

func TestFeaturesRoundTrip(t *testing.T) {
	f := features{Schema: "Person", Props: map[string][]string{
		"name": {"Salah Abdeslam", "صلاح عبد السلام"}, "birthDate": {"1989-09-15"}, "alias": {""},
	}, Keys: []string{"n/SLH", "p/ABTSLM|SLH", "d/1989-09-15"}}
	got, err := decodeFeatures(encodeFeatures(f))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(f, got); diff != "" {
		t.Fatal(diff)
	}
	// Stores written before the binary form hold JSON: still read.
	raw, _ := json.Marshal(f)
	got, err = decodeFeatures(raw)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(f, got); diff != "" {
		t.Fatal(diff)
	}
	for _, bad := range [][]byte{nil, {9}, encodeFeatures(f)[:20], append(encodeFeatures(f), 0)} {
		if _, err := decodeFeatures(bad); err == nil {
			t.Errorf("damaged %q decoded", bad)
		}
	}
}

func FuzzDecodeFeatures(f *testing.F) {
	f.Add(encodeFeatures(features{Schema: "Person", Props: map[string][]string{"name": {"A B"}}, Keys: []string{"n/A"}}))
	f.Add([]byte(`{"s":"Person"}`))
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := decodeFeatures(raw)
		keys, kerr := decodeFeatureKeys(raw)
		if (err == nil) != (kerr == nil) {
			t.Fatalf("decodeFeatures says %v, decodeFeatureKeys %v", err, kerr)
		}
		if err == nil && !slices.Equal(got.Keys, keys) {
			t.Fatalf("keys %q, decodeFeatureKeys %q", got.Keys, keys)
		}
		if err != nil || len(raw) > 0 && raw[0] == '{' {
			return
		}
		again, err := decodeFeatures(encodeFeatures(got))
		if err != nil {
			t.Fatalf("re-encoded features do not decode: %v", err)
		}
		if diff := cmp.Diff(got, again); diff != "" {
			t.Fatal(diff)
		}
	})
}

// Every property the scorer reads as an identifier is kept for resolution:
// a licence number dropped here made two records with one licence strangers.
func TestIdentityPropsKeepEveryIdentifier(t *testing.T) {
	for _, p := range match.IdentifierProperties() {
		if !slices.Contains(identityProps, p) {
			t.Errorf("identifier property %q is not among identityProps", p)
		}
	}
}

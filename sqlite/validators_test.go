package sqlite

import "testing"

func TestValidators(t *testing.T) {
	db := openTemp(t)
	ctx := t.Context()
	const u = "https://example.org/a"
	if _, _, ok, err := db.Validator(ctx, u); ok || err != nil {
		t.Fatalf("empty store: ok %v, err %v", ok, err)
	}
	steps := []struct{ etag, lm string }{{`"v1"`, ""}, {`"v2"`, "Mon, 18 Aug 2025 10:00:00 GMT"}}
	for _, s := range steps {
		if err := db.PutValidator(ctx, u, s.etag, s.lm); err != nil {
			t.Fatal(err)
		}
		etag, lm, ok, err := db.Validator(ctx, u)
		if !ok || err != nil || etag != s.etag || lm != s.lm {
			t.Errorf("after put %q %q: got %q %q ok %v err %v", s.etag, s.lm, etag, lm, ok, err)
		}
	}
	if err := db.PutValidator(ctx, u, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, _, ok, _ := db.Validator(ctx, u); ok {
		t.Error("empty validators should forget the URL")
	}
}

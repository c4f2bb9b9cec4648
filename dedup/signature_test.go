package dedup

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/parleynews/parley"
)

func TestSignatureRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		sig  Signature
	}{
		{"zero value", Signature{}},
		{"empty text", Sign("")},
		{"shorter than a shingle", Sign("too short")},
		{"one shingle", Sign(strings.Repeat("word ", 5))},
		{"article", Sign(synthDoc(1))},
		{"other options", NewIndex(Options{Shingle: 3, Hashes: 64}).Sign(synthDoc(2))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := tt.sig.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var got Signature
			if err := got.UnmarshalBinary(data); err != nil {
				t.Fatalf("UnmarshalBinary(MarshalBinary()): %v", err)
			}
			if got.shingle != tt.sig.shingle || got.docInfo != tt.sig.docInfo || !equalU32(got.mins, tt.sig.mins) {
				t.Errorf("got %+v, want %+v", got, tt.sig)
			}
			if again := must(got.MarshalBinary()); !bytes.Equal(again, data) {
				t.Error("re-encoding differs")
			}
		})
	}
	if n := len(must(Sign(synthDoc(3)).MarshalBinary())); n > 2+3*5+8+4*128 {
		t.Errorf("signature of %d bytes, want at most %d", n, 2+3*5+8+4*128)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func equalU32(a, b []uint32) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestUnmarshalBinaryRejects(t *testing.T) {
	good := must(Sign(synthDoc(4)).MarshalBinary())
	tests := []struct {
		name string
		data []byte
	}{
		{"nil", nil},
		{"one byte", []byte{formatVersion}},
		{"other version", append([]byte{formatVersion + 1}, good[1:]...)},
		{"shingle size 0", append([]byte{formatVersion, 0}, good[2:]...)},
		{"truncated", good[:len(good)-1]},
		{"trailing bytes", append(append([]byte(nil), good...), 0)},
		{"header only", good[:4]},
		{"too many hashes", []byte{formatVersion, 5, 10, 5, 0x81, 0x10}},
		{"more shingles than words", []byte{formatVersion, 5, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
		{"shingles without hashes", []byte{formatVersion, 5, 9, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := Sign(synthDoc(5))
			s := before
			err := s.UnmarshalBinary(tt.data)
			if err == nil {
				t.Fatalf("UnmarshalBinary accepted %x", tt.data)
			}
			var pe *parley.Error
			if !errors.As(err, &pe) || pe.Code != parley.EINVALID {
				t.Errorf("error %v, want an EINVALID *parley.Error", err)
			}
			if s.docInfo != before.docInfo || !equalU32(s.mins, before.mins) {
				t.Error("a failed UnmarshalBinary changed the signature")
			}
		})
	}
}

func FuzzUnmarshalSignature(f *testing.F) {
	f.Add(must(Sign(synthDoc(6)).MarshalBinary()))
	f.Add(must(Sign("short text").MarshalBinary()))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Signature
		if err := s.UnmarshalBinary(data); err != nil {
			return
		}
		out, err := s.MarshalBinary()
		if err != nil || !bytes.Equal(out, data) {
			t.Fatalf("decoded %x but re-encoded %x (%v)", data, out, err)
		}
		ix := NewIndex(Options{})
		_, _, _ = ix.AddSignature("x", s)
		_, _ = ix.QuerySignature(s)
	})
}

// Signatures are persisted, so the hash scheme must not change by accident: a fixed text must
// keep its fixed signature.
func TestSignatureStable(t *testing.T) {
	sig := Sign("The quick brown fox jumps over the lazy dog while the senate votes on the budget.")
	if sig.words != 16 || sig.size != 12 {
		t.Fatalf("words %d shingles %d, want 16 and 12", sig.words, sig.size)
	}
	const wantExact, wantMin0, wantMin127 = 0x1ea3c160c70e4900, 0xd61a304, 0x55582fa
	t.Logf("exact %#x mins[0] %#x mins[127] %#x", sig.exact, sig.mins[0], sig.mins[127])
	if sig.exact != wantExact || sig.mins[0] != wantMin0 || sig.mins[127] != wantMin127 {
		t.Errorf("signature changed: exact %#x mins[0] %#x mins[127] %#x; if the hash scheme changed on purpose, bump formatVersion and update this test",
			sig.exact, sig.mins[0], sig.mins[127])
	}
}

// The MinHash estimate must be unbiased with the spread theory predicts (standard deviation
// sqrt(J(1-J)/k)): that is what the hash family has to deliver.
func TestEstimateAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var buf buffers
	var sumErr, sumSq, sumVar float64
	var sumCErr float64
	const pairs = 300
	for i := range pairs {
		a := strings.Fields(synthDoc(uint64(1000 + i)))
		// b keeps a random share of a's sentences-worth of words and adds its own.
		keep := rng.Float64()
		cut := int(keep * float64(len(a)))
		other := strings.Fields(synthDoc(uint64(5000 + i)))
		b := append(append([]string(nil), a[:cut]...), other[:rng.IntN(len(other))]...)
		ta, tb := strings.Join(a, " "), strings.Join(b, " ")
		_, sa := buf.shingle(ta, 5)
		setA := map[uint64]bool{}
		for _, h := range sa {
			setA[h] = true
		}
		_, sb := buf.shingle(tb, 5)
		inter := 0
		for _, h := range sb {
			if setA[h] {
				inter++
			}
		}
		if len(sb) == 0 {
			continue
		}
		trueJ := float64(inter) / float64(len(setA)+len(sb)-inter)
		trueC := float64(inter) / float64(min(len(setA), len(sb)))
		j, c := Sign(ta).Compare(Sign(tb))
		sumErr += j - trueJ
		sumSq += (j - trueJ) * (j - trueJ)
		sumVar += trueJ * (1 - trueJ) / 128
		sumCErr += math.Abs(c - trueC)
	}
	bias := sumErr / pairs
	rmse := math.Sqrt(sumSq / pairs)
	theory := math.Sqrt(sumVar / pairs)
	t.Logf("Jaccard estimate over %d pairs: bias %+.4f, RMSE %.4f (theory %.4f); containment mean absolute error %.4f",
		pairs, bias, rmse, theory, sumCErr/pairs)
	if math.Abs(bias) > 0.01 {
		t.Errorf("bias %.4f", bias)
	}
	if rmse > 1.3*theory {
		t.Errorf("RMSE %.4f, theory %.4f", rmse, theory)
	}
}

package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/parleynews/parley"
)

func source(n int) func(emit func(Item) error) error {
	return func(emit func(Item) error) error {
		for i := range n {
			if err := emit(Item{Doc: &parley.Document{Source: fmt.Sprint(i), Text: fmt.Sprint("doc ", i)}}); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunKeepsOrderAndBoundsMemory(t *testing.T) {
	var inFlight, most atomic.Int64
	jitter := StageFunc{"jitter", func(ctx context.Context, d *parley.Document) error {
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
		return nil
	}}
	p := &Pipeline{Stages: []Stage{jitter}, Workers: 4, Window: 8}
	next := 0
	src := func(emit func(Item) error) error {
		return source(500)(func(it Item) error {
			n := inFlight.Add(1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			return emit(it)
		})
	}
	err := p.Run(context.Background(), src, func(it Item) error {
		inFlight.Add(-1)
		if it.Doc.Source != fmt.Sprint(next) || it.Seq != next {
			return fmt.Errorf("got %s (seq %d), want %d", it.Doc.Source, it.Seq, next)
		}
		next++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if next != 500 {
		t.Fatalf("sink saw %d documents, want 500", next)
	}
	// The reader may hold one more item than the window while it waits for a slot.
	if most.Load() > 9 {
		t.Errorf("%d documents in flight, window is 8", most.Load())
	}
}

func TestRunReportsDocumentErrorsAndPanicsAndGoesOn(t *testing.T) {
	bad := StageFunc{"bad", func(ctx context.Context, d *parley.Document) error {
		switch d.Source {
		case "3":
			return errors.New("broken")
		case "5":
			panic("boom")
		}
		return nil
	}}
	p := &Pipeline{Stages: []Stage{bad}, Workers: 2}
	var failed []string
	ok := 0
	err := p.Run(context.Background(), source(10), func(it Item) error {
		if it.Err != nil {
			failed = append(failed, it.Err.Error())
			return nil
		}
		ok++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ok != 8 || len(failed) != 2 {
		t.Fatalf("ok %d, failed %v", ok, failed)
	}
	if parley.ErrorCode(errors.New(failed[1])) == "" || failed[0] != "3: bad: broken" {
		t.Errorf("errors do not name the document and stage: %q", failed)
	}
}

func TestRunStopsOnSinkError(t *testing.T) {
	p := &Pipeline{Stages: nil, Workers: 2}
	stop := errors.New("disk full")
	n := 0
	err := p.Run(context.Background(), source(1000), func(it Item) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the sink's error", err)
	}
	if n != 10 {
		t.Errorf("sink called %d times after failing at 10", n)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	slow := StageFunc{"slow", func(ctx context.Context, d *parley.Document) error {
		time.Sleep(time.Millisecond)
		return nil
	}}
	p := &Pipeline{Stages: []Stage{slow}, Workers: 2}
	n := 0
	err := p.Run(ctx, source(100000), func(it Item) error {
		n++
		if n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestSkip(t *testing.T) {
	var after atomic.Int64
	p := &Pipeline{
		Stages: []Stage{
			StageFunc{"first", func(context.Context, *parley.Document) error { return nil }},
			StageFunc{"second", func(context.Context, *parley.Document) error { after.Add(1); return nil }},
		},
		SkipAfter: "first",
		Skip:      func(d *parley.Document) bool { return d.Source == "1" },
	}
	skipped := 0
	if err := p.Run(context.Background(), source(3), func(it Item) error {
		if it.Skip {
			skipped++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if skipped != 1 || after.Load() != 2 {
		t.Errorf("skipped %d, second stage ran %d times", skipped, after.Load())
	}
}

func TestContentID(t *testing.T) {
	a := ContentID("Trump met  Zelensky.\n\nThey talked.\n")
	b := ContentID("  Trump met Zelensky.\r\nThey talked.")
	c := ContentID("Trump met Zelensky. They walked.")
	if a != b {
		t.Errorf("white space changes the id: %s %s", a, b)
	}
	if a == c {
		t.Errorf("different words, same id")
	}
	if len(a) != 16 {
		t.Errorf("id %q is not a 16-hex-digit prefix", a)
	}
}

// ContentID hashes the text as a rune-by-rune fold of its white space would write it, invalid
// bytes as U+FFFD: IDs already stored must not change when the fold gets faster.
func TestContentIDFold(t *testing.T) {
	fold := func(text string) string {
		var b strings.Builder
		space, wrote := false, false
		for _, r := range text {
			if unicode.IsSpace(r) {
				space = wrote
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
			wrote = true
		}
		sum := sha256.Sum256([]byte(b.String()))
		return hex.EncodeToString(sum[:])[:16]
	}
	long := strings.Repeat("Kyiv’s mayor said\u00a0“no”. ", 400)
	for _, text := range []string{
		"", " \t\n", "word", "  lead and trail  ", "Kyiv\u2028Lviv\u3000Odesa\u0085end",
		"bad \xff byte", "\xe2\x80 cut rune", "\xed\xa0\x80 surrogate", "\uFFFD real replacement",
		long, long[:4095] + "\xff" + long[:4097], strings.Repeat("x", 9000) + " y",
	} {
		if got, want := ContentID(text), fold(text); got != want {
			t.Errorf("ContentID(%.40q) = %s, want %s", text, got, want)
		}
	}
}

package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress prints a one-line running count on a terminal and nothing when the output is piped
// or redirected, where a stream of carriage returns would only litter a log.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	printed bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

// update redraws the line at most ten times a second.
func (p *progress) update(format string, a ...any) {
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.printed = true
	fmt.Fprintf(p.w, "\r\033[K"+format, a...)
}

// done clears the line so that the summary starts on a clean one.
func (p *progress) done() {
	if p.on && p.printed {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func (p *progress) elapsed() time.Duration { return time.Since(p.start) }

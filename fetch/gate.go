package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// gate spaces the requests to each host: the n-th request to a host may start no sooner than
// interval after the (n-1)-th was allowed to. A request reserves its turn on arrival, so waiting
// requests go in the order they came and never two at the same instant.
type gate struct {
	interval time.Duration
	mu       sync.Mutex
	next     map[string]time.Time // the earliest start of the next request, by host name
}

// gatePrune is the number of hosts above which turns that have passed are forgotten, so that a
// long run over many hosts does not grow the map for ever.
const gatePrune = 1024

func newGate(interval time.Duration) *gate {
	return &gate{interval: interval, next: make(map[string]time.Time)}
}

// wait blocks until host's turn, or until ctx is done (the turn then goes unused).
func (g *gate) wait(ctx context.Context, host string) error {
	if g.interval <= 0 {
		return ctx.Err()
	}
	host = strings.ToLower(host)
	g.mu.Lock()
	now := time.Now()
	turn := g.next[host]
	if turn.Before(now) {
		turn = now
	}
	g.next[host] = turn.Add(g.interval)
	if len(g.next) > gatePrune {
		for h, t := range g.next {
			if t.Before(now) {
				delete(g.next, h)
			}
		}
	}
	g.mu.Unlock()

	d := time.Until(turn)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// gateTransport is the RoundTripper under every request of a Client (pages, feeds, redirect hops,
// robots.txt): it waits for the host's turn, then bounds the request, body included, by the
// timeout.
type gateTransport struct {
	next    http.RoundTripper
	gate    *gate
	timeout time.Duration
}

func (t *gateTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.gate.wait(req.Context(), req.URL.Hostname()); err != nil {
		closeBody(req)
		return nil, err
	}
	ctx, cancel := context.WithTimeoutCause(req.Context(), t.timeout, errTimeout)
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		err = timeoutCause(ctx, err)
		cancel()
		return nil, err
	}
	resp.Body = &timedBody{ReadCloser: resp.Body, ctx: ctx, cancel: cancel}
	return resp, nil
}

// CloseIdleConnections lets http.Client.CloseIdleConnections reach the transport underneath.
func (t *gateTransport) CloseIdleConnections() {
	if c, ok := t.next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// closeBody honours the RoundTripper contract of closing the request body, even on error.
func closeBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}

// timeoutCause marks err as a timeout when ctx ran out of our time (and not the caller's), since
// the transport reports both as a bare cancellation.
func timeoutCause(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil && context.Cause(ctx) == errTimeout {
		return fmt.Errorf("%w: %w", errTimeout, err)
	}
	return err
}

// timedBody ends the request's timeout when the body is closed, and says "timed out" when a read
// failed because of it.
type timedBody struct {
	io.ReadCloser
	ctx    context.Context
	cancel context.CancelFunc
}

func (b *timedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = timeoutCause(b.ctx, err)
	}
	return n, err
}

func (b *timedBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

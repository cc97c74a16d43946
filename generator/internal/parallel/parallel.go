// Package parallel runs independent pieces of work on every core, and
// no more: the one bounded worker pool of the generator, so that no
// package writes its own.
//
// Every function here runs at most runtime.GOMAXPROCS(0) calls at once,
// starts nothing after it returns, and reports errors in the order of the
// work, not of the scheduler, so that a run's output and its error text
// are the same on every machine.
//
//   - [Do] calls f(i) for i in [0, n) and returns every error, joined in
//     index order: an editor sees every problem in one run.
//   - [DoWith] is [Do] with a value per goroutine (a buffer, a decoder),
//     made once per goroutine instead of once per call.
//   - [Group] runs work that arrives one piece at a time (as a stream is
//     read), blocking the sender while every goroutine is busy.
//
// Results are returned by index: f writes its result into a slice that the
// caller made with n elements (each call its own element), so no lock is
// needed and the order is the input's.
//
// Non-goals: cancellation mid-call (f may watch a context of its own),
// priorities, and retries.
package parallel

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
)

// workers is how many goroutines run n calls: one per core, and never more
// than there are calls.
func workers(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n))
}

// Do calls f(i) for every i in [0, n), on at most GOMAXPROCS goroutines at
// once, and waits for all of them. It returns the errors that f returned,
// joined in index order (see errors.Join), or nil. Every call is made,
// whatever the others return.
func Do(n int, f func(i int) error) error {
	return DoWith(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) error { return f(i) })
}

// DoWith is Do with a value per goroutine: newState is called once by
// each goroutine, and what it returns is handed to every call that
// goroutine makes, so a buffer or a decoder is reused without a lock.
func DoWith[S any](n int, newState func() S, f func(s S, i int) error) error {
	if n <= 0 {
		return nil
	}
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers(n) {
		wg.Go(func() {
			s := newState()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				errs[i] = f(s, i)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// A Group runs functions handed to it one at a time, on at most GOMAXPROCS
// goroutines: Go blocks while they are all busy. Its zero value is not
// ready; make one with NewGroup.
type Group struct {
	busy chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []error // by the order of the calls to Go
}

// NewGroup returns an empty group.
func NewGroup() *Group {
	return &Group{busy: make(chan struct{}, workers(runtime.GOMAXPROCS(0)))}
}

// Go runs f on a goroutine of its own as soon as fewer than GOMAXPROCS
// functions of the group are running, and waits until then.
func (g *Group) Go(f func() error) {
	g.busy <- struct{}{}
	g.mu.Lock()
	i := len(g.errs)
	g.errs = append(g.errs, nil)
	g.mu.Unlock()
	g.wg.Go(func() {
		defer func() { <-g.busy }()
		if err := f(); err != nil {
			g.mu.Lock()
			g.errs[i] = err
			g.mu.Unlock()
		}
	})
}

// Wait waits for every function handed to Go and returns their errors,
// joined in the order of the calls to Go, or nil.
func (g *Group) Wait() error {
	g.wg.Wait()
	g.mu.Lock()
	defer g.mu.Unlock()
	return errors.Join(g.errs...)
}

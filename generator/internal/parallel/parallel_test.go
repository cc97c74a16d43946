package parallel

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// gauge counts the calls running at once, and the most it has seen.
type gauge struct{ now, most atomic.Int64 }

func (g *gauge) enter() {
	n := g.now.Add(1)
	for {
		m := g.most.Load()
		if n <= m || g.most.CompareAndSwap(m, n) {
			return
		}
	}
}

func (g *gauge) leave() { g.now.Add(-1) }

func TestDoCallsEveryIndexOnceOnAtMostGOMAXPROCS(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		calls := make([]atomic.Int64, n)
		var g gauge
		err := Do(n, func(i int) error {
			g.enter()
			defer g.leave()
			calls[i].Add(1)
			return nil
		})
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d called %d times", n, i, c)
			}
		}
		if most := g.most.Load(); most > int64(runtime.GOMAXPROCS(0)) {
			t.Errorf("n=%d: %d calls at once, more than GOMAXPROCS %d", n, most, runtime.GOMAXPROCS(0))
		}
	}
}

func TestDoRunsInParallel(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS >= 2")
	}
	// Call 0 returns only once call 1 has started: on one goroutine, this
	// would never end.
	started := make(chan struct{})
	err := Do(2, func(i int) error {
		if i == 1 {
			close(started)
			return nil
		}
		<-started
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDoJoinsErrorsInIndexOrder(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS >= 2")
	}
	// Index 2 fails only after index 5 has failed, so the scheduler's
	// order is the reverse of the index order.
	five := make(chan struct{})
	err := Do(8, func(i int) error {
		switch i {
		case 2:
			<-five
			return errors.New("two")
		case 5:
			defer close(five)
			return errors.New("five")
		}
		return nil
	})
	if err == nil || err.Error() != "two\nfive" {
		t.Fatalf("err = %q, want %q", err, "two\nfive")
	}
}

func TestDoWithGivesEachGoroutineItsOwnState(t *testing.T) {
	var made atomic.Int64
	type state struct{ calls int }
	var mu sync.Mutex
	var states []*state
	err := DoWith(500, func() *state {
		made.Add(1)
		s := new(state)
		mu.Lock()
		states = append(states, s)
		mu.Unlock()
		return s
	}, func(s *state, i int) error {
		s.calls++ // unlocked: the race detector fails the test if s is shared
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if m := made.Load(); m < 1 || m > int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d states made, want 1 to GOMAXPROCS (%d)", m, runtime.GOMAXPROCS(0))
	}
	total := 0
	for _, s := range states {
		total += s.calls
	}
	if total != 500 {
		t.Errorf("%d calls in all, want 500", total)
	}
}

func TestGroupIsBoundedAndJoinsErrorsInCallOrder(t *testing.T) {
	g := NewGroup()
	var gg gauge
	for i := range 100 {
		g.Go(func() error {
			gg.enter()
			defer gg.leave()
			if i%40 == 1 {
				return fmt.Errorf("call %d", i)
			}
			return nil
		})
	}
	err := g.Wait()
	if err == nil || err.Error() != "call 1\ncall 41\ncall 81" {
		t.Errorf("err = %q, want the errors of calls 1, 41 and 81 in order", err)
	}
	if most := gg.most.Load(); most > int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d calls at once, more than GOMAXPROCS %d", most, runtime.GOMAXPROCS(0))
	}
}

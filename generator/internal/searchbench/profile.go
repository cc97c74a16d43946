package main

// Profiling the page's scripts during a measured key press (-profile).

import (
	"cmp"
	"context"
	"fmt"
	"path"
	"slices"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// startProfile starts a CPU profile of the page's scripts; stopProfile
// ends it and adds each function's own time to self, by name and line.
func startProfile(ctx context.Context) {
	check(chromedp.Do(ctx, chromedp.Action[chromedp.Void](func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if _, err := cdp.Call(ctx, t, profiler.Enable, cdp.Empty{}); err != nil {
			return chromedp.Void{}, err
		}
		if _, err := cdp.Call(ctx, t, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, t, profiler.Start, cdp.Empty{})
		return chromedp.Void{}, err
	})))
}

func stopProfile(ctx context.Context, self map[string]time.Duration) {
	var res profiler.StopResult
	check(chromedp.Do(ctx, chromedp.Action[chromedp.Void](func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		var err error
		res, err = cdp.Call(ctx, t, profiler.Stop, cdp.Empty{})
		return chromedp.Void{}, err
	})))
	if res.Profile == nil {
		return
	}
	names := make(map[int64]string)
	for _, n := range res.Profile.Nodes {
		f := n.CallFrame
		name := f.FunctionName
		if name == "" {
			name = "(anonymous)"
		}
		if f.URL != "" {
			name += " " + path.Base(f.URL) + ":" + strconv.FormatInt(f.LineNumber+1, 10)
		}
		names[n.ID] = name
	}
	for i, id := range res.Profile.Samples {
		if i < len(res.Profile.TimeDeltas) {
			self[names[id]] += time.Duration(res.Profile.TimeDeltas[i]) * time.Microsecond
		}
	}
}

// printProfile prints the functions that took the most of the page's
// time, over every run of a query.
func printProfile(q string, self map[string]time.Duration) {
	type fn struct {
		name string
		d    time.Duration
	}
	var fns []fn
	for n, d := range self {
		if n != "(idle)" && n != "(program)" {
			fns = append(fns, fn{n, d})
		}
	}
	slices.SortFunc(fns, func(a, b fn) int { return cmp.Compare(b.d, a.d) })
	fmt.Printf("\n%q, the page's own time by function, every run:\n", q)
	for _, f := range fns[:min(len(fns), 12)] {
		fmt.Printf("  %8s  %s\n", f.d.Round(100*time.Microsecond), f.name)
	}
}

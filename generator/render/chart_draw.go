package render

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/site"
)

// Drawing a chart as SVG: its series, its time ticks, its markers; what
// each chart shows, and its key and summary, are in chart.go.

const (
	chartW                = 300
	plotH                 = 149 // the plot's height
	padLeft, padRight     = 36, 10
	padTop                = 22 // the as-of date above the plot
	axisH                 = 36 // month ticks and the year under them
	tickSize              = 13 // the labels' type, in the view box's units
	labelGap              = 6  // the least room between two labels
	markerSize            = 4.0
	seriesStyles          = 8 // line and marker styles: series-0 to series-7 in the stylesheet
	chartTitleID          = "chart-title"
	chartDescID           = "chart-desc"
	countChartIDPrefix    = "chart-"
	documentedSeriesClass = "series-0"
)

type point struct {
	t time.Time
	v int
}

type series struct {
	name   string
	points []point // by date
	step   bool    // a step line (a running count) rather than points joined
}

// seriesClass is the class that gives series i its colour, dash and
// marker in the stylesheet: series-0 to series-7, then again.
func seriesClass(i int) string {
	return fmt.Sprintf("series-%d", i%seriesStyles)
}

// draw draws series over time, from the first point to the as-of date.
func draw(words *i18n.Dict, titleID, descID, title, desc string, all []series, asOf content.Date) template.HTML {
	start, end := all[0].points[0].t, asOf.Last()
	top := 1
	for _, s := range all {
		for _, p := range s.points {
			if p.t.Before(start) {
				start = p.t
			}
			if p.t.After(end) {
				end = p.t
			}
			top = max(top, p.v)
		}
	}
	start = time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC) // from the month's start
	if !end.After(start) {
		end = start.AddDate(0, 1, 0)
	}
	top = niceCeil(top)
	ticks := slices.Compact([]int{0, top / 2, top})
	// The plot starts right of its widest count, so that "1,000" is not cut.
	left := float64(padLeft)
	for _, n := range ticks {
		left = max(left, textWidth(words.Number(n))+6)
	}
	left = math.Round(left*10) / 10
	plotW := chartW - left - padRight
	plotTop := padTop
	chartH := plotTop + plotH + axisH
	span := end.Sub(start).Hours()
	x := func(t time.Time) float64 { return left + plotW*t.Sub(start).Hours()/span }
	y := func(n int) float64 { return float64(plotTop) + float64(plotH)*(1-float64(n)/float64(top)) }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="%s %s">`, chartW, chartH, chartW, chartH, titleID, descID)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, titleID, template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<desc id="%s">%s</desc>`, descID, template.HTMLEscapeString(desc))
	// Horizontal grid lines with their counts.
	for _, n := range ticks {
		fmt.Fprintf(&b, `<line class="grid" x1="%g" x2="%d" y1="%.1f" y2="%.1f"/>`, left, chartW-padRight, y(n), y(n))
		fmt.Fprintf(&b, `<text class="tick" x="%g" y="%.1f" text-anchor="end">%s</text>`, left-4, y(n)+4.5, words.Number(n))
	}
	// The time axis: a small tick at each month's start where months are
	// far enough apart to see, and the labelled ticks.
	base := float64(plotTop + plotH)
	axis := timeTicks(words, start, end, x)
	months := 0
	for t := start; !t.After(end); t = t.AddDate(0, 1, 0) {
		months++
	}
	if plotW/float64(months) >= 6 {
		for t := start; !t.After(end); t = t.AddDate(0, 1, 0) {
			fmt.Fprintf(&b, `<line class="grid" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, x(t), x(t), base, base+4)
		}
	} else {
		for _, tk := range axis {
			fmt.Fprintf(&b, `<line class="grid" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, tk.x, tk.x, base, base+4)
		}
	}
	for _, tk := range axis {
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, tk.x, base+18, template.HTMLEscapeString(tk.label))
		if tk.year != "" {
			fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, tk.x, base+32, tk.year)
		}
	}
	// The as-of mark: a dashed line, its date above the plot, ending at
	// the line (or starting at it, where the plot has no room left of it).
	ax := x(asOf.Last())
	fmt.Fprintf(&b, `<line class="asof" x1="%.1f" x2="%.1f" y1="%d" y2="%.1f"/>`, ax, ax, plotTop-6, base)
	label := site.DatePhrase(words, site.AsOf, asOf)
	anchor := "end"
	if ax-textWidth(label) < 0 {
		anchor = "start"
	}
	fmt.Fprintf(&b, `<text class="tick asof-label" x="%.1f" y="%d" text-anchor="%s">%s</text>`, ax, plotTop-9, anchor, template.HTMLEscapeString(label))
	// The series.
	for i, s := range all {
		fmt.Fprintf(&b, `<g class="%s">`, seriesClass(i))
		if s.step {
			fmt.Fprintf(&b, `<path class="line" d="M%.1f %.1f`, x(s.points[0].t), y(0))
			for _, p := range s.points {
				fmt.Fprintf(&b, " H%.1f V%.1f", x(p.t), y(p.v))
			}
			fmt.Fprintf(&b, ` H%.1f"/>`, x(end))
		} else {
			b.WriteString(`<path class="line" d="`)
			for j, p := range s.points {
				if j > 0 {
					b.WriteByte(' ')
				}
				cmd := "L"
				if j == 0 {
					cmd = "M"
				}
				fmt.Fprintf(&b, "%s%.1f %.1f", cmd, x(p.t), y(p.v))
			}
			b.WriteString(`"/>`)
			for _, p := range s.points {
				marker(&b, i, x(p.t), y(p.v))
			}
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// A tick is a labelled point of the time axis: its place, its label (a
// month, or a year when the ticks are a year or more apart) and the year
// written under a month label, where there is one.
type tick struct {
	x           float64
	label, year string
}

// monthSteps and yearSteps are the spacings the time axis tries, closest
// first.
var (
	monthSteps = []int{1, 2, 3, 6}
	yearSteps  = []int{1, 2, 5, 10, 20, 50, 100}
)

// timeTicks chooses the labelled ticks of a time axis from start (a
// month's first day) to end: the closest spacing, in months (on the
// months whose number divides by it: Jan, Apr, Jul, Oct for three) and
// then in years (on Januaries of years that divide by it), that leaves
// between any two labels the room of the widest and a gap, with every
// label inside the chart.
func timeTicks(words *i18n.Dict, start, end time.Time, x func(time.Time) float64) []tick {
	yearW := textWidth(strconv.Itoa(end.Year()))
	monthW := 0.0
	for m := time.January; m <= time.December; m++ {
		monthW = max(monthW, textWidth(shortMonth(words, m)))
	}
	// fits says whether the ticks at ts, each w wide, keep apart and inside.
	fits := func(ts []tick, w float64) bool {
		for i, tk := range ts {
			if i > 0 && tk.x-ts[i-1].x < w+labelGap {
				return false
			}
		}
		return true
	}
	inside := func(t time.Time, w float64) bool { return x(t)-w/2 >= 0 && x(t)+w/2 <= chartW }
	for _, step := range monthSteps {
		var ts []tick
		lastYear := 0
		for t := start; !t.After(end); t = t.AddDate(0, 1, 0) {
			if (int(t.Month())-1)%step != 0 || !inside(t, max(monthW, yearW)) {
				continue
			}
			tk := tick{x: x(t), label: shortMonth(words, t.Month())}
			if t.Year() != lastYear {
				tk.year = strconv.Itoa(t.Year())
				lastYear = t.Year()
			}
			ts = append(ts, tk)
		}
		if fits(ts, max(monthW, yearW)) {
			return ts
		}
	}
	for _, step := range yearSteps {
		var ts []tick
		for year := start.Year(); year <= end.Year(); year++ {
			t := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
			if year%step != 0 || t.Before(start) || t.After(end) || !inside(t, yearW) {
				continue
			}
			ts = append(ts, tick{x: x(t), label: strconv.Itoa(year)})
		}
		if fits(ts, yearW) {
			return ts
		}
	}
	return nil
}

// textWidth is how wide a label is drawn in the ticks' 13-unit type, at
// most: in the widest sans-serif a reader's system may have (DejaVu Sans),
// a digit is 0.64 of the type's size, a capital 0.75 (M and W a whole
// size), a small letter 0.62 (m and w a whole size), anything else
// (a separator, a space) 0.36.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			w += 0.64
		case strings.ContainsRune("mwMW", r):
			w += 1
		case unicode.IsUpper(r):
			w += 0.75
		case unicode.IsLetter(r):
			w += 0.62
		default:
			w += 0.36
		}
	}
	return w * tickSize
}

// marker draws the point of series i, a shape no other of the first
// eight series has: a circle, a square, a diamond, a triangle, a triangle
// pointing down, a cross, a plus or a star; from the ninth on, the same
// shapes filled.
func marker(b *strings.Builder, i int, cx, cy float64) {
	r := markerSize
	class := "marker"
	if i/seriesStyles%2 == 1 {
		class = "marker filled"
	}
	switch i % seriesStyles {
	case 0:
		fmt.Fprintf(b, `<circle class="%s" cx="%.1f" cy="%.1f" r="%.1f"/>`, class, cx, cy, r)
	case 1:
		fmt.Fprintf(b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, class, cx-r, cy-r, 2*r, 2*r)
	case 2:
		fmt.Fprintf(b, `<path class="%s" d="M%.1f %.1f L%.1f %.1f L%.1f %.1f L%.1f %.1fZ"/>`, class, cx, cy-r-1, cx+r+1, cy, cx, cy+r+1, cx-r-1, cy)
	case 3:
		fmt.Fprintf(b, `<path class="%s" d="M%.1f %.1f L%.1f %.1f L%.1f %.1fZ"/>`, class, cx, cy-r-1, cx+r+1, cy+r, cx-r-1, cy+r)
	case 4:
		fmt.Fprintf(b, `<path class="%s" d="M%.1f %.1f L%.1f %.1f L%.1f %.1fZ"/>`, class, cx, cy+r+1, cx+r+1, cy-r, cx-r-1, cy-r)
	case 5:
		fmt.Fprintf(b, `<path class="%s" d="M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f"/>`, class, cx-r, cy-r, cx+r, cy+r, cx-r, cy+r, cx+r, cy-r)
	case 6:
		fmt.Fprintf(b, `<path class="%s" d="M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f"/>`, class, cx-r-1, cy, cx+r+1, cy, cx, cy-r-1, cx, cy+r+1)
	default:
		// A five-pointed star, its points on a circle of r+1.5, its inner
		// corners on one of half that.
		b.WriteString(`<path class="` + class + `" d="`)
		for k := range 10 {
			rad := (r + 1.5) * (1 - 0.5*float64(k%2))
			a := math.Pi * (float64(k)/5 - 0.5)
			cmd := "L"
			if k == 0 {
				cmd = "M"
			}
			fmt.Fprintf(b, "%s%.1f %.1f ", cmd, cx+rad*math.Cos(a), cy+rad*math.Sin(a))
		}
		b.WriteString(`Z"/>`)
	}
}

// shortMonth is a month's name cut to three letters: "Jan", "ene".
func shortMonth(words *i18n.Dict, m time.Month) string {
	r := []rune(words.Month(m))
	return string(r[:min(3, len(r))])
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten, for the axis.
func niceCeil(n int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
	}
}

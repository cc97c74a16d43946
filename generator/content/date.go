package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

const (
	Unknown Precision = iota // no date
	Year                     // "2024"
	Month                    // "2024-02"
	Day                      // 2024-02-09
)

// A Date is a calendar date known to a precision: a year, a month or a day.
// The zero Date is unknown. Dates have no time of day and no zone.
//
// A Date may also be an interval, when it is known only to lie between two
// dates (as in ISO 8601 and EDTF: "2024-02-01/2024-02-09"): Year, Month, Day
// and Precision are then its start, and End its end. An interval stands
// for every day from the first day of its start to the last day of its
// end, so First, Last and Before bound it as they bound a month.
type Date struct {
	Year  int
	Month time.Month // 0 when Precision < Month
	Day   int        // 0 when Precision < Day
	Precision
	End Bound // the end of an interval; zero for a single date
}

// A Bound is one end of an interval: a date without an interval of its
// own, in the few bytes that a year of four digits needs. Every Date holds
// one, most of them zero, and a large site holds millions of dates (three
// in every prisoner, two in every place of detention, one in every
// timeline entry): an end as wide as a Date's start made every Date 64
// bytes, where it is 32.
type Bound struct {
	Year      int16
	Month     uint8
	Day       uint8
	Precision Precision
}

// IsInterval reports whether the date is an interval.
func (d Date) IsInterval() bool { return d.End.Precision != Unknown }

// Start is the start of an interval, or the date itself.
func (d Date) Start() Date { d.End = Bound{}; return d }

// Finish is the end of an interval as a Date, or the date itself.
func (d Date) Finish() Date {
	if !d.IsInterval() {
		return d
	}
	return Date{Year: int(d.End.Year), Month: time.Month(d.End.Month), Day: int(d.End.Day), Precision: d.End.Precision}
}

// bound is d as an end of an interval; d is valid (ParseDate), its year
// of four digits.
func (d Date) bound() Bound {
	return Bound{int16(d.Year), uint8(d.Month), uint8(d.Day), d.Precision}
}

// ParseDate parses "2024", "2024-02" or "2024-02-09", or an interval of two
// of them joined by a slash: "2024-02-01/2024-02-09", "2026-01-08/2026-01".
// An interval must end after it starts.
func ParseDate(s string) (Date, error) {
	from, to, isInterval := strings.Cut(s, "/")
	if !isInterval {
		return parseSingle(s)
	}
	start, err := parseSingle(from)
	if err != nil {
		return Date{}, err
	}
	end, err := parseSingle(to)
	if err != nil {
		return Date{}, err
	}
	switch {
	case end.Last().Before(start.First()):
		return Date{}, fmt.Errorf("%q: the interval ends (%s) before it starts (%s); write the earlier date first", s, end.Human(), start.Human())
	case !end.Last().After(start.First()):
		return Date{}, fmt.Errorf("%q: the interval starts and ends on %s; write that date alone", s, start.Human())
	}
	start.End = end.bound()
	return start, nil
}

// parseSingle parses a date that is not an interval.
func parseSingle(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("%q is not a date; write 2024-02-09, \"2024-02\" or \"2024\"", s)
	}
	var n [3]int
	for i, p := range parts {
		want := 2
		if i == 0 {
			want = 4
		}
		v, err := strconv.Atoi(p)
		if len(p) != want || err != nil || strings.TrimLeft(p, "0123456789") != "" {
			return Date{}, fmt.Errorf("%q is not a date; write 2024-02-09, \"2024-02\" or \"2024\"", s)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: time.Month(n[1]), Day: n[2], Precision: Precision(len(parts))}
	if err := d.valid(s); err != nil {
		return Date{}, err
	}
	return d, nil
}

// DateOf returns the day-precision Date of t's calendar date.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day(), Precision: Day}
}

func (d Date) valid(s string) error {
	if d.Year < MinYear {
		return fmt.Errorf("%q: year %d is before %d; the briefing has no date that early, check the year", s, d.Year, MinYear)
	}
	if d.Year > 9999 {
		return fmt.Errorf("%q: year %d is out of range", s, d.Year)
	}
	if d.Precision >= Month && (d.Month < 1 || d.Month > 12) {
		return fmt.Errorf("%q: there is no month %d", s, int(d.Month))
	}
	if d.Precision == Day {
		last := time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day < 1 || d.Day > last {
			return fmt.Errorf("%q: %s %d has %d days", s, d.Month, d.Year, last)
		}
	}
	return nil
}

// MinYear is the earliest year a date may have.
const MinYear = 1900

// MaxAhead is how far past the figures' as-of date a date may be: one year.
// Anything later is a typo (a year-9999 arrest would make the figures run
// to 9999).
func MaxAhead(asOf Date) time.Time { return asOf.Last().AddDate(1, 0, 0) }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == Unknown }

// String returns the date in ISO 8601 at its precision ("2024", "2024-02",
// "2024-02-09"), as used in data files; an interval is its two ends joined
// by a slash ("2024-02-01/2024-02-09"); "" if unknown.
func (d Date) String() string {
	if d.IsInterval() {
		return d.Start().String() + "/" + d.Finish().String()
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		switch d.Precision { // never from a record, which Parse checks
		case Year:
			return fmt.Sprintf("%04d", d.Year)
		case Month:
			return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
		case Day:
			return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
		}
		return ""
	}
	// As fmt would write it, without fmt: the data files write a date
	// for every entry and every change.
	var b [10]byte
	y := d.Year
	b[0], b[1], b[2], b[3] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4], b[5], b[6] = '-', byte('0'+int(d.Month)/10), byte('0'+int(d.Month)%10)
	b[7], b[8], b[9] = '-', byte('0'+d.Day/10), byte('0'+d.Day%10)
	switch d.Precision {
	case Year:
		return string(b[:4])
	case Month:
		return string(b[:7])
	case Day:
		return string(b[:10])
	}
	return ""
}

// Datetime is the value of the date for an HTML <time datetime>, which has
// no intervals: the date, or an interval's start, the earliest day it may
// be (the day it sorts by).
func (d Date) Datetime() string { return d.Start().String() }

// Human returns the date as readers see it: "2024", "February 2024",
// "9 February 2024"; an interval as "1 February 2024 to 9 February
// 2024" (error messages; pages say it in words, site.Date).
func (d Date) Human() string {
	if d.IsInterval() {
		return d.Start().Human() + " to " + d.Finish().Human()
	}
	switch d.Precision {
	case Year:
		return strconv.Itoa(d.Year)
	case Month:
		return fmt.Sprintf("%s %d", d.Month, d.Year)
	case Day:
		return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
	}
	return ""
}

// Compare orders dates chronologically. A partial date sorts before the
// fuller dates it contains ("2024" < "2024-02" < "2024-02-01"); unknown
// dates sort first; an interval sorts by its start, then its end.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	case d.Day != o.Day:
		return cmpInt(d.Day, o.Day)
	case d.Precision != o.Precision:
		return cmpInt(int(d.Precision), int(o.Precision))
	case d.End == o.End:
		return 0
	case !d.IsInterval() || !o.IsInterval():
		return cmpInt(int(d.End.Precision), int(o.End.Precision)) // a date before an interval from it
	}
	return d.Finish().Compare(o.Finish())
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// First is the first day the date may stand for.
func (d Date) First() time.Time {
	m, day := d.Month, d.Day
	if d.Precision < Month {
		m = 1
	}
	if d.Precision < Day {
		day = 1
	}
	return time.Date(d.Year, m, day, 0, 0, 0, 0, time.UTC)
}

// Last is the last day the date may stand for.
func (d Date) Last() time.Time {
	if d.IsInterval() {
		return d.Finish().Last()
	}
	switch d.Precision {
	case Year:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(d.Year, d.Month+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Before reports whether d is certainly before o: every day d may stand for
// comes before every day o may stand for.
func (d Date) Before(o Date) bool { return d.Last().Before(o.First()) }

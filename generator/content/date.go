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
type Date struct {
	Year  int
	Month time.Month // 0 when Precision < Month
	Day   int        // 0 when Precision < Day
	Precision
}

// ParseDate parses "2024", "2024-02" or "2024-02-09".
func ParseDate(s string) (Date, error) {
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
	if d.Year < 1900 || d.Year > 2200 {
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

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == Unknown }

// String returns the date in ISO 8601 at its precision ("2024", "2024-02",
// "2024-02-09"), as used in <time datetime> and data files; "" if unknown.
func (d Date) String() string {
	switch d.Precision {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	return ""
}

// Human returns the date as readers see it: "2024", "February 2024",
// "February 9, 2024".
func (d Date) Human() string {
	switch d.Precision {
	case Year:
		return strconv.Itoa(d.Year)
	case Month:
		return fmt.Sprintf("%s %d", d.Month, d.Year)
	case Day:
		return fmt.Sprintf("%s %d, %d", d.Month, d.Day, d.Year)
	}
	return ""
}

// Compare orders dates chronologically. A partial date sorts before the
// fuller dates it contains ("2024" < "2024-02" < "2024-02-01"); unknown
// dates sort first.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	case d.Day != o.Day:
		return cmpInt(d.Day, o.Day)
	}
	return cmpInt(int(d.Precision), int(o.Precision))
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

package content

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, iso, human string
		prec           Precision
	}{
		{"2024", "2024", "2024", Year},
		{"2024-02", "2024-02", "February 2024", Month},
		{"2024-02-09", "2024-02-09", "9 February 2024", Day},
		{"2024-02-29", "2024-02-29", "29 February 2024", Day},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if d.String() != tt.iso || d.Human() != tt.human || d.Precision != tt.prec {
			t.Errorf("ParseDate(%q) = %s / %s / %d, want %s / %s / %d", tt.in, d, d.Human(), d.Precision, tt.iso, tt.human, tt.prec)
		}
	}
	for _, bad := range []string{"", "24", "2024-2", "2024-13", "2023-02-29", "2024-00", "2024-01-32", "2024/01/02", "2024-01-02-03", "-2024", "2024-+1", "abcd"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, d)
		}
	}
}

func TestDateOrder(t *testing.T) {
	var ds []Date
	for _, s := range []string{"2024-02-09", "2025", "2024", "2024-02", "2024-01-31", "2024-02-01"} {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	slices.SortFunc(ds, Date.Compare)
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{"2024", "2024-01-31", "2024-02", "2024-02-01", "2024-02-09", "2025"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
}

func TestDateBefore(t *testing.T) {
	d := func(s string) Date {
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"2024-01-31", "2024-02", true},
		{"2024-02-09", "2024-02", false}, // the month may include the day
		{"2024-02", "2024-02-09", false},
		{"2024", "2025-01-01", true},
		{"2024-02-08", "2024-02-09", true},
		{"2024-02-09", "2024-02-09", false},
	}
	for _, tt := range tests {
		if got := d(tt.a).Before(d(tt.b)); got != tt.want {
			t.Errorf("%s.Before(%s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024", "2024-02", "2024-02-09", "2024-13", "", "9999-99-99", "2024-02-30", "2024-02-01/2024-02-09", "2026-01-08/2026-01", "2024/2023"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) returned %v with an error", s, d)
			}
			return
		}
		// A parsed date prints back to what was parsed, and parses again.
		if d.String() != s {
			t.Errorf("ParseDate(%q).String() = %q", s, d.String())
		}
		if d.First().After(d.Last()) {
			t.Errorf("%q: First %v after Last %v", s, d.First(), d.Last())
		}
	})
}

func TestDateInterval(t *testing.T) {
	d, err := ParseDate("2026-01-08/2026-01")
	if err != nil {
		t.Fatal(err)
	}
	if !d.IsInterval() || d.String() != "2026-01-08/2026-01" || d.Datetime() != "2026-01-08" {
		t.Errorf("interval = %+v, String %s, Datetime %s", d, d, d.Datetime())
	}
	if got := d.First().Format("2006-01-02"); got != "2026-01-08" {
		t.Errorf("First = %s, want 2026-01-08", got)
	}
	if got := d.Last().Format("2006-01-02"); got != "2026-01-31" {
		t.Errorf("Last = %s, want 2026-01-31", got)
	}
	by, _ := ParseDate("2024-02/2024-02-09")
	if got := by.Last().Format("2006-01-02"); got != "2024-02-09" {
		t.Errorf("Last of 2024-02/2024-02-09 = %s", got)
	}
	// The end is kept in fewer bytes than the start (Bound): the latest
	// end a date may have comes back whole.
	far, err := ParseDate("2024-02/9999-12-31")
	if end, _ := ParseDate("9999-12-31"); err != nil || far.Finish() != end || far.String() != "2024-02/9999-12-31" {
		t.Errorf("2024-02/9999-12-31: Finish %v, String %s, err %v", far.Finish(), far, err)
	}
	// An interval sorts by its start, then its end, after the single date
	// it starts on.
	var ds []Date
	for _, s := range []string{"2024-02-01/2024-02-09", "2024-02-05", "2024-02-01/2024-02-03", "2024-02-01", "2024-01-31"} {
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, v)
	}
	slices.SortFunc(ds, Date.Compare)
	var got []string
	for _, v := range ds {
		got = append(got, v.String())
	}
	want := []string{"2024-01-31", "2024-02-01", "2024-02-01/2024-02-03", "2024-02-01/2024-02-09", "2024-02-05"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
	for _, bad := range []string{"2024-02-09/2024-02-01", "2024-02-09/2024-02-09", "2024-03/2024-02", "2024-02-01/", "/2024-02-01", "2024-02-01/2024-02-09/2024-03"} {
		if v, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, v)
		}
	}
}

// TestDateString: String writes a date as fmt's %04d-%02d-%02d would, at
// its precision, years of one to five digits and negative ones included.
func TestDateString(t *testing.T) {
	for _, y := range []int{0, 7, 42, 999, 2026, 9999, 10000, -1} {
		for _, m := range []time.Month{0, 1, 9, 10, 12} {
			for _, day := range []int{0, 1, 9, 10, 31} {
				for p, want := range map[Precision]string{
					Year:  fmt.Sprintf("%04d", y),
					Month: fmt.Sprintf("%04d-%02d", y, int(m)),
					Day:   fmt.Sprintf("%04d-%02d-%02d", y, int(m), day),
				} {
					if got := (Date{Year: y, Month: m, Day: day, Precision: p}).String(); got != want {
						t.Errorf("%d %d %d at %v: %q, want %q", y, m, day, p, got, want)
					}
				}
			}
		}
	}
}

package render

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCountsTableStacksOnAPhone: the counts page's tables are marked to
// become cards on a phone, and every cell carries the label of its column
// (the stylesheet writes it before the value, the header row hidden).
func TestCountsTableStacksOnAPhone(t *testing.T) {
	s, r := testSite(t)
	out := make(memoryOut)
	if err := r.Render(Pages(s, &Files{}), NeedsSite, out, func(int, *Page) {}); err != nil {
		t.Fatal(err)
	}
	page, ok := out["counts/index.html"]
	if !ok {
		t.Fatal("no counts page")
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	tables, cells := 0, 0
	for table := range doc.Descendants() {
		if table.Data != "table" || !hasClass(table, "counts") {
			continue
		}
		tables++
		if !hasClass(table, "stack") {
			t.Errorf("a counts table is not marked stack: it scrolls sideways on a phone")
		}
		var headers []string
		for n := range table.Descendants() {
			if n.Data == "th" && n.Parent.Parent.Data == "thead" {
				headers = append(headers, text(n))
			}
		}
		for row := range table.Descendants() {
			if row.Data != "tr" || row.Parent.Data != "tbody" || hasClass(row, "differ") {
				continue
			}
			col := 0
			for cell := range row.ChildNodes() {
				if cell.Type != html.ElementNode {
					continue
				}
				if cell.Data == "td" {
					cells++
					if label := attr(cell, "data-label"); col >= len(headers) || label != headers[col] {
						t.Errorf("row %s, column %d: data-label %q, want the column's header %q", attr(row, "id"), col, label, headers[min(col, len(headers)-1)])
					}
				}
				col++
			}
			if col != len(headers) {
				t.Errorf("row %s: %d cells for %d columns", attr(row, "id"), col, len(headers))
			}
		}
	}
	if tables == 0 || cells == 0 {
		t.Fatalf("%d counts tables, %d cells", tables, cells)
	}
}

func hasClass(n *html.Node, class string) bool {
	return strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.TrimSpace(b.String())
}

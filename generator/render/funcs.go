package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

// funcs are the functions templates may call besides the Page methods.
var funcs = template.FuncMap{
	"date":         timeTag,
	"status":       func(s string) string { return statusLabels[s] },
	"verification": func(s string) string { return verificationLabels[s] },
	"kind":         func(k content.Kind) string { return kindLabels[k] },
	"entryKind":    func(k string) string { return entryKindLabels[k] },
	"join":         strings.Join,
	"count":        count,
	"t":            func(s string) string { return s },
	"sub":          func(a, b int) int { return a - b },
	"chart":        chart,
	"searchLabels": searchLabels,
	"chartSummary": chartSummary,
}

// searchLabels are the labels the search script shows, as JSON for a data
// attribute: kinds and statuses.
func searchLabels() string {
	kinds := make(map[string]string)
	for k, v := range kindLabels {
		kinds[string(k)] = v
	}
	data, _ := json.Marshal(map[string]any{"kinds": kinds, "statuses": statusLabels})
	return string(data)
}

// timeTag writes a date as <time datetime> at its precision.
func timeTag(d content.Date) template.HTML {
	if d.IsZero() {
		return ""
	}
	return template.HTML(fmt.Sprintf(`<time datetime="%s">%s</time>`, d.String(), template.HTMLEscapeString(d.Human())))
}

// count writes "1 day", "2 days".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

var statusLabels = map[string]string{
	"detained":               "Detained",
	"disappeared":            "Disappeared (whereabouts unknown)",
	"house_arrest":           "House arrest",
	"conditionally_released": "Conditionally released",
	"released":               "Released",
	"exiled":                 "Exiled",
	"deceased":               "Deceased",
	"operating":              "Operating",
	"closure_announced":      "Closure announced",
	"closed":                 "Closed",
}

var verificationLabels = map[string]string{
	"confirmed":  "Confirmed by two independent sources",
	"reported":   "Reported by one source",
	"unverified": "Unverified",
}

var kindLabels = map[content.Kind]string{
	content.KindBrief:     "Brief",
	content.KindPage:      "Page",
	content.KindPrisoner:  "Prisoner",
	content.KindStatement: "Statement",
	content.KindSite:      "Detention site",
	content.KindEvent:     "Event",
}

var entryKindLabels = map[string]string{
	"arrest":    "Arrest",
	"custody":   "Custody",
	"event":     "Event",
	"site":      "Detention site",
	"statement": "Statement",
	"release":   "Release",
	"brief":     "Brief",
}

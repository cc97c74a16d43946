package pipeline

import (
	"errors"
	"fmt"

	"github.com/presos-politicos/briefing/generator/host"
)

// fitHost measures the output (its files' sizes by name) against the limits
// of the host named by opts.Host, else by site.toml's host: an error names
// each limit broken, and res.Warnings each limit the output is near. With
// no host named, it only measures.
func fitHost(opts Options, configured string, sizes map[string]int64, res *Result) error {
	name := opts.Host
	if name == "" {
		name = configured
	}
	if name == "" {
		return nil
	}
	table := opts.Hosts
	if table == nil {
		table = host.Documented
	}
	h, ok := host.Lookup(table, name)
	if !ok {
		return fmt.Errorf("unknown host %q; give %s", name, host.Names(table))
	}
	res.Host = h.Name
	problems, warnings := h.Check(host.MeasureFiles(sizes))
	res.Warnings = warnings
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = errors.New(p) // one each, so that a caller counts them
	}
	return errors.Join(errs...)
}

package main

import (
	"fmt"
	"os"
	rtmetrics "runtime/metrics"
	"strconv"
	"strings"
)

// phaseMemory measures the process's memory phase by phase. Linux keeps
// the peak resident set (VmHWM) since the process began; writing 5 to
// /proc/self/clear_refs resets it, so each phase's peak is its own and what
// the bench holds for its accounting (the generated truth, the subjects
// listed to score them) is not charged to resolution or to lookups. Where
// the reset is refused, the peaks are since the process began (Reset false).
type phaseMemory struct {
	Reset  bool       `json:"peak_reset_per_phase"`
	Phases []memPhase `json:"phases"`
	cur    string
}

// memPhase is one phase's figures: the peak resident set while it ran and,
// at its end, the anonymous memory (Go's heap and runtime, Badger's
// memtables and caches), the file pages mapped (Badger's tables and value
// log), the live Go heap after the last collection and all the Go runtime
// holds from the system.
type memPhase struct {
	Name       string `json:"phase"`
	PeakRSS    int64  `json:"peak_rss_bytes"`
	RSSAnon    int64  `json:"rss_anon_bytes"`
	RSSFile    int64  `json:"rss_file_bytes"`
	GoHeapLive int64  `json:"go_heap_live_bytes"`
	GoRuntime  int64  `json:"go_runtime_bytes"`
}

// begin starts a phase; its peak counts from here.
func (m *phaseMemory) begin(name string) {
	m.cur = name
	m.Reset = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// end closes the phase begun last and records its figures.
func (m *phaseMemory) end() {
	if m.cur == "" {
		return
	}
	st := procStatus()
	p := memPhase{Name: m.cur, PeakRSS: st["VmHWM"], RSSAnon: st["RssAnon"], RSSFile: st["RssFile"]}
	s := []rtmetrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	rtmetrics.Read(s)
	if s[0].Value.Kind() == rtmetrics.KindUint64 {
		p.GoHeapLive = int64(s[0].Value.Uint64())
	}
	if s[1].Value.Kind() == rtmetrics.KindUint64 && s[2].Value.Kind() == rtmetrics.KindUint64 {
		p.GoRuntime = int64(s[1].Value.Uint64() - s[2].Value.Uint64())
	}
	m.Phases = append(m.Phases, p)
	m.cur = ""
}

// peak is the highest peak of the phases measured.
func (m *phaseMemory) peak() int64 {
	var n int64
	for _, p := range m.Phases {
		n = max(n, p.PeakRSS)
	}
	return n
}

// table returns the phases as rows of the bench's Markdown table.
func (m *phaseMemory) table() string {
	var b strings.Builder
	mib := func(n int64) string { return fmt.Sprintf("%.0f", float64(n)/(1<<20)) }
	for _, p := range m.Phases {
		fmt.Fprintf(&b, "| memory, %s: peak RSS (MiB); at its end anonymous / file-mapped / Go heap live / Go runtime (MiB) | %s; %s / %s / %s / %s |\n",
			p.Name, mib(p.PeakRSS), mib(p.RSSAnon), mib(p.RSSFile), mib(p.GoHeapLive), mib(p.GoRuntime))
	}
	if !m.Reset && len(m.Phases) > 0 {
		b.WriteString("| memory | (peaks since the process began: /proc/self/clear_refs refused) |\n")
	}
	return b.String()
}

// procStatus returns the kB figures of /proc/self/status in bytes.
func procStatus() map[string]int64 {
	out := map[string]int64{}
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for _, l := range strings.Split(string(raw), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 2 && f[1] == "kB" {
			if n, err := strconv.ParseInt(f[0], 10, 64); err == nil {
				out[k] = n * 1024
			}
		}
	}
	return out
}

package main

import (
	"fmt"
	"os"
	rtmetrics "runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
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
	// A sampler reads, while a phase runs, the live Go heap and the
	// anonymous memory every sampleEvery: the peak resident set says how
	// high memory went, not what held it, and an end-of-phase figure
	// misses a burst in the middle.
	stop    chan struct{}
	sampled chan memSample
	// profile, when set, is where the sampler writes a heap profile each
	// time the phase's live heap passes its highest by a tenth: at the end
	// it is the profile nearest the phase's peak (--peakprofile).
	profile      string
	profilePhase string
	// profileErr is the first error writing that profile.
	profileErr error
}

// sampleEvery is how often a phase's memory is sampled.
const sampleEvery = 100 * time.Millisecond

// memSample is the highest of a phase's samples.
type memSample struct {
	heapLive, anon int64
	err            error
}

// memPhase is one phase's figures: the peak resident set while it ran and,
// at its end, the anonymous memory (Go's heap and runtime, Badger's
// memtables and caches), the file pages mapped (Badger's tables and value
// log), the live Go heap after the last collection and all the Go runtime
// holds from the system.
type memPhase struct {
	Name    string `json:"phase"`
	PeakRSS int64  `json:"peak_rss_bytes"`
	// PeakAnon and PeakGoHeapLive are the highest anonymous memory and
	// live Go heap sampled while the phase ran.
	PeakAnon       int64 `json:"peak_rss_anon_bytes"`
	PeakGoHeapLive int64 `json:"peak_go_heap_live_bytes"`
	RSSAnon        int64 `json:"rss_anon_bytes"`
	RSSFile        int64 `json:"rss_file_bytes"`
	GoHeapLive     int64 `json:"go_heap_live_bytes"`
	GoRuntime      int64 `json:"go_runtime_bytes"`
}

// begin starts a phase; its peak counts from here.
func (m *phaseMemory) begin(name string) {
	m.cur = name
	m.Reset = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	m.stop, m.sampled = make(chan struct{}), make(chan memSample, 1)
	profile := ""
	if name == m.profilePhase {
		profile = m.profile
	}
	go sampleMemory(m.stop, m.sampled, profile)
}

// sampleMemory samples until stop is closed, then sends the highest
// figures; with a profile file, it writes a heap profile there at each new
// high of the live heap (by a tenth at least).
func sampleMemory(stop <-chan struct{}, out chan<- memSample, profile string) {
	var high memSample
	profiled := int64(0)
	tick := time.NewTicker(sampleEvery)
	defer tick.Stop()
	for {
		s := []rtmetrics.Sample{{Name: "/gc/heap/live:bytes"}}
		rtmetrics.Read(s)
		if s[0].Value.Kind() == rtmetrics.KindUint64 {
			high.heapLive = max(high.heapLive, int64(s[0].Value.Uint64()))
		}
		high.anon = max(high.anon, procStatus()["RssAnon"])
		if profile != "" && high.heapLive > profiled+profiled/10 && high.err == nil {
			profiled = high.heapLive
			high.err = writeLastHeapProfile(profile)
		}
		select {
		case <-stop:
			out <- high
			return
		case <-tick.C:
		}
	}
}

// end closes the phase begun last and records its figures.
func (m *phaseMemory) end() {
	if m.cur == "" {
		return
	}
	close(m.stop)
	high := <-m.sampled
	if m.profileErr == nil {
		m.profileErr = high.err
	}
	st := procStatus()
	p := memPhase{Name: m.cur, PeakRSS: st["VmHWM"], PeakAnon: high.anon, PeakGoHeapLive: high.heapLive, RSSAnon: st["RssAnon"], RSSFile: st["RssFile"]}
	s := []rtmetrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	rtmetrics.Read(s)
	if s[0].Value.Kind() == rtmetrics.KindUint64 {
		p.GoHeapLive = int64(s[0].Value.Uint64())
	}
	if s[1].Value.Kind() == rtmetrics.KindUint64 && s[2].Value.Kind() == rtmetrics.KindUint64 {
		p.GoRuntime = int64(s[1].Value.Uint64() - s[2].Value.Uint64())
	}
	p.PeakAnon, p.PeakGoHeapLive = max(p.PeakAnon, p.RSSAnon), max(p.PeakGoHeapLive, p.GoHeapLive)
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
		fmt.Fprintf(&b, "| memory, %s: peak RSS; highest anonymous and live Go heap sampled; at its end anonymous / file-mapped / Go heap live / Go runtime (MiB) | %s; %s, %s; %s / %s / %s / %s |\n",
			p.Name, mib(p.PeakRSS), mib(p.PeakAnon), mib(p.PeakGoHeapLive), mib(p.RSSAnon), mib(p.RSSFile), mib(p.GoHeapLive), mib(p.GoRuntime))
	}
	if !m.Reset && len(m.Phases) > 0 {
		b.WriteString("| memory | (peaks since the process began: /proc/self/clear_refs refused) |\n")
	}
	return b.String()
}

// writeLastHeapProfile writes the heap profile as of the last collection,
// the one whose live heap the sampler read: forcing another, as
// writeHeapProfile does, would show the heap after what was live then has
// gone.
func writeLastHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
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

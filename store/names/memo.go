package names

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"sync"
)

// PairMemo remembers how pairs of words compare. Comparing two words is
// half of comparing two names and most of what scoring a candidate costs,
// and a population repeats its words: resolving 100,000 records compares
// eleven million pairs of words of which 135,000 differ. A Weights that
// also implements PairMemoizer lends its memo to Similarity.
//
// The memo is a fixed table of slots indexed by a hash of the pair, each
// slot holding the last pair that fell there: it never grows, and a pair
// that lost its slot is compared again. A pair is recognised by two
// independent 64-bit hashes of both words — their spelling and everything
// Parse learnt of them from the rest of their name (the script, the
// readings) — so that two pairs that collide in both hashes, one chance in
// 2^128, are all that could return another pair's score. Slots hold no
// pointer, so the garbage collector does not scan them. Safe for
// concurrent use.
type PairMemo struct {
	seed1, seed2 maphash.Seed
	mask         uint64
	slots        []pairSlot
	locks        [memoLocks]sync.Mutex
}

const memoLocks = 64

type pairSlot struct {
	h1, h2 uint64
	sim    float64
	kind   int64
}

// PairMemoizer is a Weights that lends Similarity a memo of word pairs.
type PairMemoizer interface {
	PairMemo() *PairMemo
}

// NewPairMemo returns a memo of about slots pairs (rounded up to a power
// of two; 32 bytes each), or nil when slots ≤ 0: a nil memo compares every
// pair.
func NewPairMemo(slots int) *PairMemo {
	if slots <= 0 {
		return nil
	}
	n := uint64(1) << bits.Len64(uint64(slots-1))
	return &PairMemo{seed1: maphash.MakeSeed(), seed2: maphash.MakeSeed(), mask: n - 1, slots: make([]pairSlot, n)}
}

func memoOf(w Weights) *PairMemo {
	if m, ok := w.(PairMemoizer); ok {
		return m.PairMemo()
	}
	return nil
}

// tokenSim is tokenSimW through the memo. Words built outside Parse (sig
// 0: a token joined or rewritten while comparing) are compared directly.
func (m *PairMemo) tokenSim(x, y *word) (float64, int) {
	if m == nil || x.sig == 0 || y.sig == 0 || x.s == y.s {
		return tokenSimW(x, y)
	}
	h1, h2 := m.hash(m.seed1, x, y), m.hash(m.seed2, x, y)
	i := h1 & m.mask
	l := &m.locks[i%memoLocks]
	l.Lock()
	s := m.slots[i]
	l.Unlock()
	if s.h1 == h1 && s.h2 == h2 {
		return s.sim, int(s.kind)
	}
	sim, kind := tokenSimW(x, y)
	l.Lock()
	m.slots[i] = pairSlot{h1: h1, h2: h2, sim: sim, kind: int64(kind)}
	l.Unlock()
	return sim, kind
}

func (m *PairMemo) hash(seed maphash.Seed, x, y *word) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], x.sig)
	binary.LittleEndian.PutUint64(b[8:], y.sig)
	h.Write(b[:])
	h.WriteString(x.s)
	h.WriteByte(0)
	h.WriteString(y.s)
	return h.Sum64()
}

// sigSeed is fixed: a word's sig only has to tell apart two preparations
// of one spelling within this process.
var sigSeed = maphash.MakeSeed()

// seal sets each word's sig, a hash of everything the word holds besides
// its spelling that tokenSimW reads: the marks Parse set from the rest of
// the name and the fold keys they added. Parse seals its words last;
// whatever changes a sealed word must seal it again.
func seal(ws []word) {
	for i := range ws {
		ws[i].sig = wordSig(&ws[i])
	}
}

func wordSig(w *word) uint64 {
	var flags uint64
	for i, f := range [...]bool{w.distinct, w.korean, w.wadeGiles, w.somali, w.uzbek, w.pinyin, w.vietnamese,
		w.hebrew, w.georgian, w.arabic, w.bengali, w.tamil, w.bv, w.cyrKorean, w.cyrillic, w.greek, w.schwa,
		w.kartvelian, w.caron, w.pat != nil, w.armenian, w.uyghur, w.arabLatin} {
		if f {
			flags |= 1 << i
		}
	}
	var h maphash.Hash
	h.SetSeed(sigSeed)
	var b [13]byte
	binary.LittleEndian.PutUint64(b[:8], flags)
	binary.LittleEndian.PutUint32(b[8:12], uint32(w.group))
	b[12] = byte(w.transcribed)
	h.Write(b[:])
	h.WriteString(w.key)
	for _, f := range w.folds {
		h.WriteByte(0)
		h.WriteString(f)
	}
	if w.pat != nil {
		h.WriteByte(1)
		h.WriteString(w.pat.stem)
		h.WriteString(w.pat.stemKey)
		if w.pat.female {
			h.WriteByte(1)
		}
	}
	if s := h.Sum64(); s != 0 {
		return s
	}
	return 1
}

package resolve

import (
	"encoding/binary"
	"strings"

	"github.com/vigie/vigie/store"
)

// Keys kept by resolve. rk is a record key "source\x00id" (store.Key with a
// NUL between, which neither part may contain).
const (
	pFeatures = store.PrefixResolve + "f/" // f/<rk> → features (features.go)
	pMember   = store.PrefixResolve + "r/" // r/<rk> → subject id
	pSubject  = store.PrefixResolve + "m/" // m/<subject>\x00<rk> → nothing: the records of a subject
	pAlias    = store.PrefixResolve + "a/" // a/<old subject> → subject it was merged into
	pMerged   = store.PrefixResolve + "b/" // b/<subject>\x00<old subject> → nothing: subjects merged into it
	pJudge    = store.PrefixResolve + "j/" // j/<rk>\x00\x00<rk> → Judgement (both orders)
	pAttach   = store.PrefixResolve + "t/" // t/<holder rk>\x00\x00<rk of a Passport…> → identifiers it gives the holder
	kCounter  = store.PrefixResolve + "n"  // subject counter
	pName     = store.PrefixIndex + "n/"   // n/<name key>\x00<rk>
	pIdent    = store.PrefixIndex + "x/"   // x/<kind>:<value>\x00<rk>
	pCount    = store.PrefixIndex + "c/"   // c/<index key> → postings count (uint32)
	kTotal    = store.PrefixIndex + "total"
)

func rk(k store.Key) string { return k.Source + "\x00" + k.ID }

func parseRK(s string) store.Key {
	src, id, _ := strings.Cut(s, "\x00")
	return store.Key{Source: src, ID: id}
}

func posting(prefix, key string, r string) []byte {
	b := make([]byte, 0, len(prefix)+len(key)+1+len(r))
	b = append(b, prefix...)
	b = append(b, key...)
	b = append(b, 0)
	return append(b, r...)
}

func pair(prefix, a, b string) []byte {
	return []byte(prefix + a + "\x00\x00" + b)
}

func u32(n uint32) []byte { return binary.BigEndian.AppendUint32(nil, n) }

func getU32(b []byte) uint32 {
	if len(b) != 4 {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

package names

// maxUnits bounds the units fewestCuts cuts: a word of pinyin or Palladius
// syllables (24 letters), a name of Hangul blocks (8).
const maxUnits = 24

// fewestCuts cuts units 0 to n into the fewest pieces of at most longest
// units that piece accepts (piece(i, j): units i to j, j excluded), and
// returns where each piece ends; nil when no cut reads every unit or n is
// 0 or more than maxUnits. A tie between two cuts goes to the one whose
// first piece is the longer when preferLong, the shorter otherwise.
// Pinyin, Palladius and the Hangul of Chinese names are read so.
func fewestCuts(n, longest int, preferLong bool, piece func(i, j int) bool) []int {
	if n == 0 || n > maxUnits {
		return nil
	}
	// best[i] is the fewest pieces units i on cut into, 0 when they cannot
	// be cut (best[n] = 0 is the end); next[i] where the first of them ends.
	var best, next [maxUnits + 1]int
	for i := n - 1; i >= 0; i-- {
		for k := 1; k <= longest && i+k <= n; k++ {
			j := i + k
			if preferLong {
				j = min(n, i+longest) - k + 1
				if j <= i {
					continue
				}
			}
			if j < n && best[j] == 0 || !piece(i, j) {
				continue
			}
			if c := best[j] + 1; best[i] == 0 || c < best[i] {
				best[i], next[i] = c, j
			}
		}
	}
	if best[0] == 0 {
		return nil
	}
	ends := make([]int, 0, best[0])
	for i := 0; i < n; i = next[i] {
		ends = append(ends, next[i])
	}
	return ends
}

// products returns each of out followed by sep and each of alts, in that
// order, at most most of them.
func products(out, alts []string, sep string, most int) []string {
	var more []string
	for _, o := range out {
		for _, a := range alts {
			if len(more) == most {
				return more
			}
			more = append(more, o+sep+a)
		}
	}
	return more
}

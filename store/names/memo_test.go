package names

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// memoWeights are the default weights with a memo of word pairs.
type memoWeights struct {
	DefaultWeights
	m *PairMemo
}

func (w memoWeights) PairMemo() *PairMemo { return w.m }

// namesOfTestdata reads every name of the matcher's name sets (one person's
// or two people's spellings per line, " | " apart): a few thousand names in
// some forty scripts and traditions.
func namesOfTestdata(t *testing.T) [][]string {
	t.Helper()
	files, err := filepath.Glob("../match/testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no name sets in ../match/testdata: %v", err)
	}
	var lines [][]string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			l := strings.TrimSpace(sc.Text())
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			lines = append(lines, strings.Split(l, " | "))
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return lines
}

// The memo changes no score: every pair of names of a line, and of
// neighbouring lines (other people whose words meet the same words),
// scores the same through a memo — the first time, when the memo is
// filled, and the second, when it answers — as without one, in both
// orders. A tiny memo, whose slots are taken over all the time, must
// answer the same too.
func TestPairMemoChangesNoScore(t *testing.T) {
	lines := namesOfTestdata(t)
	parsed := make([][]Name, len(lines))
	for i, l := range lines {
		for _, s := range l {
			parsed[i] = append(parsed[i], Parse(s))
		}
	}
	for _, slots := range []int{1 << 16, 7} {
		w := memoWeights{m: NewPairMemo(slots)}
		compared := 0
		for pass := 0; pass < 2; pass++ {
			for i := range parsed {
				var pool []Name
				for k := max(0, i-1); k <= i; k++ {
					pool = append(pool, parsed[k]...)
				}
				for _, a := range parsed[i] {
					for _, b := range pool {
						want, got := Similarity(a, b, nil), Similarity(a, b, w)
						if want != got {
							t.Fatalf("memo of %d slots, pass %d: %q / %q scored %+v, %+v without a memo", slots, pass, a.Original, b.Original, got, want)
						}
						compared++
					}
				}
			}
		}
		if compared < 10000 {
			t.Fatalf("only %d pairs compared: the name sets were not read", compared)
		}
	}
}

// A word's sig tells its preparations apart: the same spelling read in a
// name of another script, or with other readings, is another word to the
// memo; the same preparation is the same.
func TestWordSigTellsPreparationsApart(t *testing.T) {
	sigOf := func(name string, i int) uint64 {
		n := Parse(name)
		if n.words[i].sig == 0 {
			t.Fatalf("%q: word %d not sealed", name, i)
		}
		return n.words[i].sig
	}
	if sigOf("Kim Jong Un", 0) != sigOf("Kim Jong Un", 0) {
		t.Fatal("one preparation, two sigs")
	}
	if Parse("Иван Петров").Tokens[0] != "ivan" {
		t.Fatalf("Иван reads %q", Parse("Иван Петров").Tokens[0])
	}
	if sigOf("Иван Петров", 0) == sigOf("Ivan Petrov", 0) {
		t.Error("a word read from Cyrillic has the sig of the Latin one")
	}
	if sigOf("Chan Ka Man", 1) == sigOf("Ka Smith", 0) {
		t.Error("a syllable read in Cantonese and pinyin has the sig of an English word")
	}
}

func BenchmarkSimilarityMemo(b *testing.B) {
	x, y := Parse("Mohammed Abdel Rahman Hassan"), Parse("Muhammad Abdulrahman Hasan")
	w := memoWeights{m: NewPairMemo(1 << 12)}
	for b.Loop() {
		Similarity(x, y, w)
	}
}

// Every field of a word but its spelling and its sig changes its sig: a
// field added to word and left out of wordSig would let the memo answer
// for a word prepared otherwise.
func TestWordSigCoversEveryField(t *testing.T) {
	base := newWord("sergei")
	base.pat = nil
	v := reflect.ValueOf(&base).Elem()
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		if name == "s" || name == "sig" {
			continue
		}
		w := base
		f := reflect.ValueOf(&w).Elem().Field(i)
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
		switch f.Kind() {
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Int32, reflect.Int, reflect.Int64:
			f.SetInt(f.Int() + 1)
		case reflect.Uint8, reflect.Uint, reflect.Uint32, reflect.Uint64:
			f.SetUint(f.Uint() + 1)
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Slice:
			f.Set(reflect.Append(f, reflect.ValueOf("zzz")))
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		default:
			t.Fatalf("field %s of kind %s: teach this test (and wordSig) about it", name, f.Kind())
		}
		if wordSig(&w) == wordSig(&base) {
			t.Errorf("field %s does not change the word's sig: add it to wordSig", name)
		}
	}
}

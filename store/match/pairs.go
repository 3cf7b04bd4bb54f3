package match

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// ReadNamePairs reads a file of name groups in the form of the hard name
// pairs (testdata/variants.txt, different.txt): one group per line, its
// spellings separated by |, # for comments. The tests score Compare on
// them; vigie eval looks them up (store/quality).
func ReadNamePairs(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read name pairs: %w", err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, p := range strings.Split(line, "|") {
			if p = strings.TrimSpace(p); p != "" {
				g = append(g, p)
			}
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read name pairs %s: %w", path, err)
	}
	return out, nil
}

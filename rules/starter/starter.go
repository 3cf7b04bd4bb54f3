// Package starter holds vigie's starter rule set — the cases that
// motivated vigie (an unanswered partner warning, a stop or border
// crossing of a person under warning, contacts shared with flagged
// subjects, re-entry after travel to a conflict zone) with their tests —
// as files to copy into a rules folder, and embedded for the demo.
package starter

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed rules.d
var files embed.FS

// WriteTo copies the starter rule set, tests and fixtures included, into
// dir (created if needed). It returns the folder holding the rule files.
func WriteTo(dir string) (string, error) {
	err := fs.WalkDir(files, "rules.d", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, path)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		raw, err := files.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, raw, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("write the starter rules: %w", err)
	}
	return filepath.Join(dir, "rules.d"), nil
}

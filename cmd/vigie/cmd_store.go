package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/vigie/vigie/store"
	"github.com/vigie/vigie/store/audit"
)

func cmdBackup(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("backup", "backup FILE   (sealed with the store's key when it has one)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return a.usageErr(fs, "backup needs the file to write")
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	tmp := pos[0] + ".partial"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return a.fail("create backup: %v", err)
	}
	_, err = e.db.Backup(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, pos[0])
	}
	if err != nil {
		os.Remove(tmp)
		_ = e.auditCLI(ctx, audit.Entry{Action: "backup", Query: pos[0], Outcome: audit.Failed, Detail: err.Error()})
		return a.fail("backup: %v", err)
	}
	if err := e.auditCLI(ctx, audit.Entry{Action: "backup", Query: pos[0]}); err != nil {
		return a.fail("%v", err)
	}
	fmt.Fprintf(a.stdout, "backup written to %s (encrypted: %v)\n", pos[0], e.db.Encrypted())
	return exitOK
}

func cmdRestore(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("restore", "restore FILE   (into an empty data folder, with the key the backup was made with)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		return a.usageErr(fs, "restore needs the backup file")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return a.fail("open backup: %v", err)
	}
	defer f.Close()
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	if err := e.db.Restore(f); err != nil {
		if errors.Is(err, store.ErrNotEmpty) {
			return a.fail("%v: %s already holds data; point VIGIE_DATA_DIR at a new folder", err, a.cfg.DataDir)
		}
		return a.fail("%v", err)
	}
	if err := e.auditCLI(ctx, audit.Entry{Action: "restore", Query: pos[0]}); err != nil {
		return a.fail("%v", err)
	}
	fmt.Fprintf(a.stdout, "restored %s into %s\n", pos[0], a.cfg.DataDir)
	return exitOK
}

func cmdKeys(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("keys", "keys rotate --new-key-file FILE   (vigie must not be running; then point VIGIE_ENCRYPTION_KEY_FILE at FILE)")
	newFile := fs.String("new-key-file", "", "file holding the new key (16, 24 or 32 bytes raw, or hex/base64)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 || pos[0] != "rotate" || *newFile == "" {
		return a.usageErr(fs, "usage: keys rotate --new-key-file FILE")
	}
	oldKey, err := a.cfg.encryptionKey()
	if err != nil {
		return a.fail("%v", err)
	}
	nc := a.cfg
	nc.EncryptionKey, nc.EncryptionKeyFile = "", *newFile
	newKey, err := nc.encryptionKey()
	if err != nil {
		return a.fail("%v", err)
	}
	if newKey == nil {
		return a.fail("the new key file is empty")
	}
	if err := store.RotateKey(filepath.Clean(a.cfg.DataDir), oldKey, newKey); err != nil {
		return a.fail("%v", err)
	}
	// Audit with the new key, which now opens the store.
	a.cfg.EncryptionKey, a.cfg.EncryptionKeyFile = "", *newFile
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("key rotated but the store does not open with the new key: %v", err)
	}
	defer e.Close()
	if err := e.auditCLI(ctx, audit.Entry{Action: "keys.rotate"}); err != nil {
		return a.fail("%v", err)
	}
	fmt.Fprintf(a.stdout, "key rotated: set VIGIE_ENCRYPTION_KEY_FILE=%s before starting vigie\n", *newFile)
	return exitOK
}

// cmdReindex gives every resolved record the index keys this version
// computes (resolve.Resolver.Reindex), for a store indexed by an earlier
// one. vigie must not be running (the store is locked).
func cmdReindex(ctx context.Context, a *app, args []string) int {
	fs := a.newFlags("reindex", "reindex [--json]   (vigie must not be running; subjects do not change)")
	asJSON := fs.Bool("json", false, "print the counts as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 0 {
		return a.usageErr(fs, "reindex takes no argument")
	}
	e, err := a.openEngine(ctx, false)
	if err != nil {
		return a.fail("%v", err)
	}
	defer e.Close()
	checked, rewritten, err := e.resolver.Reindex(ctx, func(checked, rewritten int) {
		if !*asJSON && checked%50_000 == 0 {
			fmt.Fprintf(a.stderr, "  %d records checked, %d re-indexed\n", checked, rewritten)
		}
	})
	detail := fmt.Sprintf("%d records checked, %d re-indexed", checked, rewritten)
	if err != nil {
		_ = e.auditCLI(ctx, audit.Entry{Action: "reindex", Outcome: audit.Failed, Detail: detail + ": " + err.Error()})
		return a.fail("reindex (%s): %v", detail, err)
	}
	if err := e.auditCLI(ctx, audit.Entry{Action: "reindex", Detail: detail}); err != nil {
		return a.fail("%v", err)
	}
	if *asJSON {
		return a.writeJSON(map[string]int{"checked": checked, "rewritten": rewritten})
	}
	fmt.Fprintln(a.stdout, detail)
	return exitOK
}

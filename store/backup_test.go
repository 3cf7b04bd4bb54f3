package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"testing"
)

func fillRecords(t *testing.T, db *DB, n int) {
	t.Helper()
	var batch []Incoming
	for i := range n {
		batch = append(batch, person(fmt.Sprint("p", i), fmt.Sprintf("Person Number %d", i)))
	}
	if _, err := db.Put(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
}

func allRecords(t *testing.T, db *DB) map[Key]Record {
	t.Helper()
	out := map[Key]Record{}
	if err := db.Scan(context.Background(), func(r Record) error { out[r.Key()] = r; return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func key32(t *testing.T) []byte {
	k := make([]byte, 32)
	rand.Read(k)
	return k
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprint("encrypted=", encrypted), func(t *testing.T) {
			var key []byte
			if encrypted {
				key = key32(t)
			}
			src := mustOpen(t, t.TempDir(), key)
			fillRecords(t, src, 3000)
			var buf bytes.Buffer
			if _, err := src.Backup(&buf); err != nil {
				t.Fatal(err)
			}
			if encrypted && bytes.Contains(buf.Bytes(), []byte("Person Number 17")) {
				t.Fatal("encrypted backup contains record text in clear")
			}
			dst := mustOpen(t, t.TempDir(), key)
			if err := dst.Restore(bytes.NewReader(buf.Bytes())); err != nil {
				t.Fatalf("Restore = %v", err)
			}
			want, got := allRecords(t, src), allRecords(t, dst)
			if len(got) != 3000 || len(got) != len(want) {
				t.Fatalf("restored %d records, want %d", len(got), len(want))
			}
			for k, r := range want {
				if g := got[k]; g.Seq != r.Seq || g.First("name") != r.First("name") {
					t.Fatalf("record %s restored as %+v, want %+v", k, g, r)
				}
			}
			if dst.LastSeq() != src.LastSeq() {
				t.Errorf("restored LastSeq = %d, want %d", dst.LastSeq(), src.LastSeq())
			}
			if err := dst.Restore(bytes.NewReader(buf.Bytes())); !errors.Is(err, ErrNotEmpty) {
				t.Errorf("second Restore = %v, want ErrNotEmpty", err)
			}
		})
	}
}

func TestRestoreRefusesDamagedBackups(t *testing.T) {
	key := key32(t)
	src := mustOpen(t, t.TempDir(), key)
	fillRecords(t, src, 2000)
	var buf bytes.Buffer
	if _, err := src.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 1
	cases := map[string]struct {
		data []byte
		key  []byte
	}{
		"flipped byte": {flipped, key},
		"truncated":    {good[:len(good)-10], key},
		"wrong key":    {good, key32(t)},
		"no key":       {good, nil},
		"not a backup": {[]byte("hello world, this is not a backup"), key},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			dst := mustOpen(t, t.TempDir(), tc.key)
			err := dst.Restore(bytes.NewReader(tc.data))
			if !errors.Is(err, ErrBackupDamage) && !errors.Is(err, ErrNotBackup) {
				t.Errorf("Restore(%s) = %v, want ErrBackupDamage or ErrNotBackup", name, err)
			}
		})
	}
}

func TestRotateKey(t *testing.T) {
	dir := t.TempDir()
	k1, k2 := key32(t), key32(t)
	db := mustOpen(t, dir, k1)
	fillRecords(t, db, 100)
	db.Close()
	if err := RotateKey(dir, k2, k1); !errors.Is(err, ErrKeyMismatch) {
		t.Fatalf("RotateKey with the wrong old key = %v, want ErrKeyMismatch", err)
	}
	if err := RotateKey(dir, k1, k2); err != nil {
		t.Fatal(err)
	}
	o := DefaultOptions(dir)
	o.EncryptionKey = k1
	if _, err := Open(o); !errors.Is(err, ErrKeyMismatch) {
		t.Errorf("Open with the old key after rotation = %v, want ErrKeyMismatch", err)
	}
	db = mustOpen(t, dir, k2)
	if got := len(allRecords(t, db)); got != 100 {
		t.Errorf("after rotation %d records readable, want 100", got)
	}
}

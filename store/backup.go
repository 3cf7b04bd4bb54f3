package store

import (
	"bufio"
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	badger "github.com/dgraph-io/badger/v4"
)

// A backup file is Badger's backup stream, sealed in chunks with AES-GCM
// under the store's own key when the store is encrypted, so a backup is no
// weaker than the data folder it came from:
//
//	"VIGIEBK1" | mode (0 plain, 1 sealed) | [nonce prefix, 4 bytes]
//	then chunks: length (4 bytes, high bit = last chunk) | payload
//
// Each sealed chunk's nonce is the prefix and the chunk counter, and its
// additional data says whether it is the last one, so a reordered, dropped
// or truncated chunk fails to open.
const (
	backupMagic = "VIGIEBK1"
	chunkSize   = 1 << 20
	lastFlag    = 1 << 31
)

// Errors of Restore.
var (
	ErrNotBackup    = errors.New("not a vigie backup file")
	ErrBackupDamage = errors.New("backup is damaged or was written with another key")
	ErrNotEmpty     = errors.New("restore needs an empty data folder")
)

// Backup writes a full backup of the store to w and returns the bytes of
// records it covered (Badger's version watermark).
func (db *DB) Backup(w io.Writer) (uint64, error) {
	sw, err := newSealer(w, db.opts.EncryptionKey)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(sw, chunkSize)
	v, err := db.bdb.Backup(bw, 0)
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	if err := sw.close(); err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	return v, nil
}

// Restore loads a backup into the store, which must be empty. The backup
// must have been written with the same key as the store is opened with.
func (db *DB) Restore(r io.Reader) error {
	empty := true
	if err := db.View(func(txn *Txn) error {
		return txn.Iterate(nil, IterOptions{KeysOnly: true, Limit: 1}, func([]byte, func() ([]byte, error)) error {
			empty = false
			return nil
		})
	}); err != nil {
		return err
	}
	if !empty {
		return ErrNotEmpty
	}
	or, err := newOpener(r, db.opts.EncryptionKey)
	if err != nil {
		return err
	}
	if err := db.bdb.Load(or, 256); err != nil {
		if errors.Is(err, ErrBackupDamage) || errors.Is(err, ErrNotBackup) {
			return err
		}
		return fmt.Errorf("restore: %w", err)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	return db.loadSeq()
}

type sealer struct {
	w      io.Writer
	aead   cipher.AEAD
	prefix []byte
	n      uint64
	buf    []byte
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func newSealer(w io.Writer, key []byte) (*sealer, error) {
	s := &sealer{w: w}
	header := []byte(backupMagic)
	if len(key) > 0 {
		aead, err := newAEAD(key)
		if err != nil {
			return nil, err
		}
		s.aead = aead
		s.prefix = make([]byte, 4)
		if _, err := rand.Read(s.prefix); err != nil {
			return nil, err
		}
		header = append(header, 1)
		header = append(header, s.prefix...)
	} else {
		header = append(header, 0)
	}
	_, err := w.Write(header)
	return s, err
}

func (s *sealer) Write(p []byte) (int, error) {
	n := len(p)
	s.buf = append(s.buf, p...)
	for len(s.buf) > chunkSize {
		if err := s.emit(s.buf[:chunkSize], false); err != nil {
			return 0, err
		}
		s.buf = s.buf[chunkSize:]
	}
	return n, nil
}

func (s *sealer) nonce() []byte {
	return binary.BigEndian.AppendUint64(append([]byte(nil), s.prefix...), s.n)
}

func (s *sealer) emit(chunk []byte, last bool) error {
	payload := chunk
	if s.aead != nil {
		payload = s.aead.Seal(nil, s.nonce(), chunk, []byte{boolByte(last)})
	}
	s.n++
	l := uint32(len(payload))
	if last {
		l |= lastFlag
	}
	if _, err := s.w.Write(binary.BigEndian.AppendUint32(nil, l)); err != nil {
		return err
	}
	_, err := s.w.Write(payload)
	return err
}

func (s *sealer) close() error { return s.emit(s.buf, true) }

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

type opener struct {
	r    *bufio.Reader
	aead cipher.AEAD
	pre  []byte
	n    uint64
	buf  bytes.Buffer
	done bool
}

func newOpener(r io.Reader, key []byte) (*opener, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(backupMagic)+1)
	if _, err := io.ReadFull(br, head); err != nil || string(head[:len(backupMagic)]) != backupMagic {
		return nil, ErrNotBackup
	}
	o := &opener{r: br}
	switch head[len(backupMagic)] {
	case 0:
		if len(key) > 0 {
			return nil, fmt.Errorf("%w: the backup is unencrypted but the store has a key; restore into an unencrypted store, then rotate", ErrBackupDamage)
		}
	case 1:
		if len(key) == 0 {
			return nil, fmt.Errorf("%w: the backup is encrypted; set the key it was made with", ErrBackupDamage)
		}
		aead, err := newAEAD(key)
		if err != nil {
			return nil, err
		}
		o.aead = aead
		o.pre = make([]byte, 4)
		if _, err := io.ReadFull(br, o.pre); err != nil {
			return nil, ErrNotBackup
		}
	default:
		return nil, ErrNotBackup
	}
	return o, nil
}

func (o *opener) Read(p []byte) (int, error) {
	for o.buf.Len() == 0 {
		if o.done {
			return 0, io.EOF
		}
		var lb [4]byte
		if _, err := io.ReadFull(o.r, lb[:]); err != nil {
			return 0, fmt.Errorf("%w: it ends before its last chunk", ErrBackupDamage)
		}
		l := binary.BigEndian.Uint32(lb[:])
		last := l&lastFlag != 0
		l &^= lastFlag
		if l > chunkSize+1024 {
			return 0, fmt.Errorf("%w: chunk of %d bytes", ErrBackupDamage, l)
		}
		payload := make([]byte, l)
		if _, err := io.ReadFull(o.r, payload); err != nil {
			return 0, fmt.Errorf("%w: truncated chunk", ErrBackupDamage)
		}
		if o.aead != nil {
			nonce := binary.BigEndian.AppendUint64(append([]byte(nil), o.pre...), o.n)
			plain, err := o.aead.Open(nil, nonce, payload, []byte{boolByte(last)})
			if err != nil {
				return 0, fmt.Errorf("%w: chunk %d does not open", ErrBackupDamage, o.n)
			}
			payload = plain
		}
		o.n++
		o.buf.Write(payload)
		o.done = last
	}
	return o.buf.Read(p)
}

// RotateKey re-encrypts the key registry of the closed store in dir from
// oldKey to newKey (either may be empty: adding or removing encryption
// applies to data written from then on; Badger keeps reading older tables
// through their data keys). The store must not be open.
func RotateKey(dir string, oldKey, newKey []byte) error {
	for _, k := range [][]byte{oldKey, newKey} {
		switch len(k) {
		case 0, 16, 24, 32:
		default:
			return fmt.Errorf("rotate key: a key must be 16, 24 or 32 bytes, not %d", len(k))
		}
	}
	opt := badger.KeyRegistryOptions{Dir: dir, ReadOnly: true, EncryptionKey: oldKey, EncryptionKeyRotationDuration: DefaultOptions(dir).EncryptionKeyRotation}
	kr, err := badger.OpenKeyRegistry(opt)
	if err != nil {
		if errors.Is(err, badger.ErrEncryptionKeyMismatch) {
			return fmt.Errorf("rotate key: %w", ErrKeyMismatch)
		}
		return fmt.Errorf("rotate key: open key registry: %w", err)
	}
	opt.EncryptionKey = newKey
	if err := badger.WriteKeyRegistry(kr, opt); err != nil {
		return fmt.Errorf("rotate key: write key registry: %w", err)
	}
	return nil
}

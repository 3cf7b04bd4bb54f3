package ingest

import (
	"errors"
	"fmt"
	"io"

	"github.com/vigie/vigie/store/ftm"
	"github.com/vigie/vigie/store/mapping"
)

// Open reads r for ingest: FtM JSON lines when mappingPath is empty,
// otherwise CSV or JSON lines through the mapping file, whose source and
// classification become the defaults. A mapping that does not parse is an
// error naming every problem.
func Open(r io.Reader, mappingPath string) (LineSource, Defaults, error) {
	if mappingPath == "" {
		return FtM(r), Defaults{}, nil
	}
	m, err := mapping.Load(mappingPath)
	if err != nil {
		return nil, Defaults{}, fmt.Errorf("load mapping %s: %w", mappingPath, err)
	}
	return Mapped(m, r), Defaults{Source: m.Source, Classification: m.Classification}, nil
}

// FtM reads FollowTheMoney entities, one JSON object per line.
func FtM(r io.Reader) LineSource {
	return &ftmSource{r: ftm.NewReader(r, ftm.DefaultReaderOptions())}
}

type ftmSource struct{ r *ftm.Reader }

func (s *ftmSource) Next() ([]ftm.Entity, int, error) {
	e, err := s.r.Next()
	if err != nil {
		return nil, s.r.Line(), lineErr(err)
	}
	return []ftm.Entity{e}, s.r.Line(), nil
}

// Mapped reads the rows of r through mapping m; each row gives the
// entities the mapping makes of it.
func Mapped(m *mapping.Mapping, r io.Reader) LineSource {
	return &mappedSource{rows: m.Rows(r)}
}

type rowReader interface {
	Next() ([]ftm.Entity, error)
}

type mappedSource struct {
	rows rowReader
	n    int
}

func (s *mappedSource) Next() ([]ftm.Entity, int, error) {
	ents, err := s.rows.Next()
	s.n++
	line := s.n
	if l, ok := s.rows.(interface{ Line() int }); ok {
		line = l.Line()
	}
	if err != nil {
		return nil, line, lineErr(err)
	}
	return ents, line, nil
}

// lineErr turns a reader's per-line error into a LineErr the ingester
// quarantines; io.EOF and I/O errors pass through.
func lineErr(err error) error {
	var le *ftm.LineError
	if errors.As(err, &le) {
		return &LineErr{Line: le.Line, Reason: le.Reason, Raw: string(le.Raw)}
	}
	return err
}

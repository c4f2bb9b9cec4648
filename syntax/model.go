package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/parleynews/parley"
)

// Model is a trained tagger and parser. It is safe for concurrent use: each call takes its own
// working memory from a pool.
type Model struct {
	lex       lexicon
	labels    []string
	dirLabels [2]uint64 // labels seen on left (0) and right (1) arcs, bit per label index
	rootLabel int16
	tagger    *table
	actions   *table
	classes   [2][]int16 // dirClasses(dirLabels)
	labelers  [2]*table  // label weights for left and right arcs
	// sureLabels are the relations given without scoring (see sureLabels), by direction and
	// tag of the dependent: label index + 1, or 0.
	sureLabels [2][numTags]int16
	// wordScores are the tagger's word-feature sums of the training words (scoreWords).
	wordScores []int16
	// index is lex by hash, for info; nil where it is not built.
	index *wordIndex
	pool  sync.Pool
}

// Analysis is the analysis of one sentence. Its slices are reused by Parse across calls.
type Analysis struct {
	POS []parley.POS
	// Heads are 0-based indices within the sentence, -1 for the root.
	Heads []int
	// Rels are Universal Dependencies relations with their subtypes ("nsubj:pass"), strings
	// of the model's label table.
	Rels []string
}

func (a *Analysis) resize(n int) {
	if cap(a.POS) < n {
		a.POS = make([]parley.POS, n, 2*n)
		a.Heads = make([]int, n, 2*n)
		a.Rels = make([]string, n, 2*n)
	}
	a.POS, a.Heads, a.Rels = a.POS[:n], a.Heads[:n], a.Rels[:n]
}

// Parse tags and parses one sentence of words (tokens split as Universal Dependencies splits
// them) into out.
func (m *Model) Parse(words []string, out *Analysis) {
	out.resize(len(words))
	if len(words) == 0 {
		return
	}
	s, _ := m.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{scores: make([]int32, max(numTags, numActs, len(m.labels), 1))}
	}
	toks := m.info(s, words)
	m.tagSentence(s, toks, out.POS)
	m.parseSentence(s, toks, out.POS, out.Heads, out.Rels)
	m.pool.Put(s)
}

// Labels returns the relations the model can predict.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

//go:embed model/syntax.bin.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, loaded once. If the embedded file cannot
// be read (a broken build), it returns a model that tags every word X and attaches it to the
// root, and DefaultErr reports why; tests check DefaultErr.
func Default() *Model {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultModel = emptyModel()
		}
	})
	return defaultModel
}

// DefaultErr is the error of loading the embedded model, nil when it loaded.
func DefaultErr() error {
	Default()
	return defaultErr
}

// emptyModel is a model without weights: every score is zero.
func emptyModel() *Model {
	empty := func(n int) *table {
		return &table{nclass: n, mask: 15, scale: 1, slots: make([]uint64, 16)}
	}
	return &Model{lex: lexicon{}, labels: []string{"dep", "root"}, dirLabels: [2]uint64{1, 1}, rootLabel: 2,
		tagger: empty(numTags), actions: empty(numActs), labelers: [2]*table{empty(1), empty(1)}, classes: [2][]int16{{0}, {0}}}
}

const modelMagic = "parley-syntax 8\n"

// Save writes the model in its binary form, gzipped.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := &encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.u32(uint32(len(m.labels)))
	for _, l := range m.labels {
		e.str(l)
	}
	e.u64(m.dirLabels[0])
	e.u64(m.dirLabels[1])
	e.u32(uint32(m.rootLabel))
	for d := range m.sureLabels {
		for _, l := range m.sureLabels[d] {
			e.u32(uint32(l))
		}
	}
	words := make([]string, 0, len(m.lex))
	for w := range m.lex {
		words = append(words, w)
	}
	sort.Strings(words)
	e.u32(uint32(len(words)))
	for _, w := range words {
		x := m.lex[w]
		e.str(w)
		e.u32(x.cluster)
		e.u32(x.amb)
		e.bytes([]byte{x.wn, x.caps, x.freq, x.sure})
	}
	for _, t := range []*table{m.tagger, m.actions, m.labelers[0], m.labelers[1]} {
		e.u32(uint32(t.nclass))
		e.u32(math.Float32bits(t.scale))
		e.u64(t.mask + 1)
		// Empty slots are runs of zeros, which gzip folds away.
		buf := make([]byte, 8*len(t.slots))
		for i, v := range t.slots {
			binary.LittleEndian.PutUint64(buf[8*i:], v)
		}
		e.bytes(buf)
		e.u64(uint64(len(t.rows)))
		e.bytes(t.rows)
	}
	if e.err != nil {
		return fmt.Errorf("save model: %w", e.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	d := &decoder{r: bufio.NewReader(zr)}
	if string(d.bytes(len(modelMagic))) != modelMagic {
		if d.err != nil {
			return nil, fmt.Errorf("load model: %w", d.err)
		}
		return nil, errors.New("load model: not a parley syntax model")
	}
	m := &Model{}
	nl := d.count(64)
	for i := 0; i < nl && d.err == nil; i++ {
		m.labels = append(m.labels, d.str())
	}
	m.dirLabels[0], m.dirLabels[1] = d.u64(), d.u64()
	m.rootLabel = int16(d.u32())
	for k := range m.sureLabels {
		for p := range m.sureLabels[k] {
			l := d.u32()
			if int(l) > nl {
				return nil, fmt.Errorf("load model: sure label %d past the table", l)
			}
			m.sureLabels[k][p] = int16(l)
		}
	}
	nw := d.count(1 << 24)
	m.lex = make(lexicon, nw)
	for i := 0; i < nw && d.err == nil; i++ {
		w := d.str()
		var x lexEntry
		x.cluster = d.u32()
		x.amb = d.u32()
		if b := d.fixed(4); len(b) == 4 {
			x.wn, x.caps, x.freq, x.sure = b[0], b[1], b[2], b[3]
			if x.sure > uint8(numTags) {
				d.err = fmt.Errorf("word %q: tag %d", w, x.sure)
			}
		}
		m.lex[w] = x
	}
	for _, slot := range []**table{&m.tagger, &m.actions, &m.labelers[0], &m.labelers[1]} {
		nclass := d.count(1 << 10)
		scale := math.Float32frombits(d.u32())
		size := d.u64()
		if d.err != nil {
			break
		}
		if size == 0 || size&(size-1) != 0 || size > 1<<26 || nclass == 0 {
			return nil, fmt.Errorf("load model: bad table size %d × %d", size, nclass)
		}
		t := &table{nclass: nclass, mask: size - 1, scale: scale}
		buf := d.bytes(int(size) * 8)
		nrows := d.u64()
		if d.err != nil {
			break
		}
		if nrows > 1<<28 || (t.inline() && nrows != 0) || nrows%uint64(t.rowStride()) != 0 {
			return nil, fmt.Errorf("load model: bad table rows %d", nrows)
		}
		rows := d.bytes(int(nrows))
		if d.err != nil {
			break
		}
		t.slots = make([]uint64, size)
		for i := range t.slots {
			v := binary.LittleEndian.Uint64(buf[8*i:])
			if !t.inline() && v != 0 && uint64(uint32(v))+uint64(t.rowStride()) > nrows {
				return nil, errors.New("load model: a feature's row is past the table")
			}
			t.slots[i] = v
		}
		t.rows = rows
		*slot = t
	}
	if d.err != nil {
		return nil, fmt.Errorf("load model: %w", d.err)
	}
	if len(m.labels) == 0 || m.rootLabel < 1 || int(m.rootLabel) > len(m.labels) {
		return nil, errors.New("load model: no root in the label table")
	}
	if nl := uint(len(m.labels)); nl < 64 && (m.dirLabels[0]|m.dirLabels[1])>>nl != 0 {
		return nil, errors.New("load model: directions name labels past the label table")
	}
	m.classes = dirClasses(m.dirLabels)
	if m.tagger.nclass != numTags || m.actions.nclass != numActs ||
		m.labelers[0].nclass != max(len(m.classes[0]), 1) || m.labelers[1].nclass != max(len(m.classes[1]), 1) {
		return nil, errors.New("load model: tables do not match the tag, transition and label sets")
	}
	m.scoreWords()
	return m, nil
}

type encoder struct {
	w   *bufio.Writer
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) u32(v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	e.bytes(b[:])
}

func (e *encoder) u64(v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	e.bytes(b[:])
}

func (e *encoder) str(s string) {
	e.u32(uint32(len(s)))
	e.bytes([]byte(s))
}

type decoder struct {
	r     *bufio.Reader
	err   error
	small [8]byte
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = fmt.Errorf("truncated: %w", err)
		return nil
	}
	return b
}

// fixed reads n ≤ 8 bytes into d.small, without allocating.
func (d *decoder) fixed(n int) []byte {
	if d.err != nil {
		return nil
	}
	if _, err := io.ReadFull(d.r, d.small[:n]); err != nil {
		d.err = fmt.Errorf("truncated: %w", err)
		return nil
	}
	return d.small[:n]
}

func (d *decoder) u32() uint32 {
	b := d.fixed(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (d *decoder) u64() uint64 {
	b := d.fixed(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

// count reads a length and checks it against limit, so that a corrupt file cannot ask for
// gigabytes.
func (d *decoder) count(limit int) int {
	v := d.u32()
	if d.err == nil && int(v) > limit {
		d.err = fmt.Errorf("count %d over %d", v, limit)
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count(1 << 16)
	if n <= len(d.small) {
		return string(d.fixed(n))
	}
	return string(d.bytes(n))
}

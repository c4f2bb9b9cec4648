// Package parley holds the domain of the news-analysis system: the document and the
// annotations that the pipeline stages attach to it, the store interface, and the closed set of
// error kinds. It imports nothing of the application, so every stage and backend can depend on it
// and on nothing else of ours.
//
// Offsets inside the domain are byte offsets into Document.Text, because that is what Go's string
// and regexp functions give us for free. The analysis record (package record) converts them to
// Unicode code points at the edge, as CONTRACT.md requires.
package parley

import (
	"context"
	"time"
)

// SchemaVersion is the "schema" number of the analysis record this code writes.
const SchemaVersion = 1

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start int
	End   int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether the two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// In returns the text the span covers.
func (s Span) In(text string) string { return text[s.Start:s.End] }

// Input formats a document can arrive in.
const (
	FormatText = "text"
	FormatHTML = "html"
)

// Document is one article and everything parley found in it. Text is never altered after
// decoding (for HTML, after extraction): what the cleaner drops is listed in Removed, so every
// annotation can point back at the exact words it came from.
type Document struct {
	ID        string // sha256 prefix of the normalised text; see package ingest/docid
	Source    string // path or URL as given by the user
	URL       string // canonical URL where known
	Format    string // FormatText or FormatHTML: how Raw is to be read
	Raw       []byte // the input before extraction (HTML); nil for plain text once decoded
	Title     string // "" when unknown
	Published string // "YYYY-MM-DD" or RFC 3339; "" when unknown
	Author    string
	Language  string

	Text       string
	Removed    []Removal
	Paragraphs []Span
	Sentences  []Span
	// Tokens are the words and marks of the live text (what the cleaner kept), in text order,
	// with their parts of speech and dependency tree once package syntax has run.
	Tokens []Token
	// Timexes are the temporal expressions of the live text, resolved against Published.
	Timexes    []Timex
	Actors     []Actor
	Quotes     []Quote
	Events     []Event
	Stances    []Stance
	Flags      []Flag
	References []Reference
}

// PublishedTime parses Published; ok is false when it is empty or unreadable.
func (d *Document) PublishedTime() (t time.Time, ok bool) {
	if d.Published == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, d.Published); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Removal reasons, as CONTRACT.md names them.
const (
	ReasonBoilerplate   = "boilerplate"
	ReasonDuplicateLine = "duplicate-line"
	ReasonOffTopic      = "off-topic"
	ReasonReferenceList = "reference-list"
	ReasonNavigation    = "navigation"
)

// Removal is a span of Text that is not article prose, and why.
type Removal struct {
	Span
	Reason string
}

// Actor is a person, government or organisation found in a document, with every mention.
type Actor struct {
	Name     string
	Code     string // CAMEO-style: USAGOV, UKRGOV, IGOEUREEC, USAMED…
	Role     string // e.g. "President of the United States", on the document's date
	Mentions []Span
}

// ActorRef points at one mention of an actor: the resolved name and code, and where it stands.
// Span is the zero value when the reference has no place in the text (a stance's actor).
type ActorRef struct {
	Name string
	Code string
	Span
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuotePartial  = "partial"
	QuoteMixed    = "mixed"
	QuoteIndirect = "indirect"
)

// Quote is something an actor said, in the words the text gives.
type Quote struct {
	Span           // the quoted words, without the quote marks
	Text    string // Span.In(Document.Text), kept for readers of the record
	Kind    string
	Speaker *ActorRef // nil when no speaker can be found
	Cue     *Cue      // the reporting verb or phrase, nil when none
	Date    string    // "YYYY-MM-DD" when the text tells when it was said
}

// Cue is the reporting verb or phrase of a quote ("said", "according to").
type Cue struct {
	Span
	Text string
}

// Event modes.
const (
	ModeAsserted     = "asserted"
	ModeIntended     = "intended"
	ModeNegated      = "negated"
	ModeHypothetical = "hypothetical"
)

// Event is who did what to whom and when, coded in CAMEO and PLOVER.
type Event struct {
	Source    *ActorRef
	Target    *ActorRef // nil for events without a target
	CAMEO     string
	PLOVER    string
	Goldstein float64
	QuadClass int
	Mode      string
	Date      string // "YYYY-MM-DD" or ""
	DateText  string // the words the date was read from
	Span             // the evidence sentence
	Text      string
}

// Stance polarities.
const (
	StanceSupport     = "support"
	StanceOppose      = "oppose"
	StanceConditional = "conditional"
)

// Stance is an actor's position on an issue of a tracking profile.
type Stance struct {
	Actor    ActorRef
	Issue    string
	Polarity string
	Date     string
	Span     // the evidence
	Text     string
}

// Flag kinds that the scorers and the brief know.
const (
	FlagCitationMarkersUnresolved = "citation-markers-unresolved"
	FlagReferenceList             = "reference-list"
	FlagReferenceDateMismatch     = "reference-date-mismatch"
	FlagOffTopicParagraph         = "off-topic-paragraph"
	FlagStaleTitle                = "stale-title"
	FlagDuplicateOf               = "duplicate-of"
	// FlagPageRepaired: the page was damaged (stray NUL bytes, nesting too deep to parse) and
	// mended so that its text could be read; the detail says how.
	FlagPageRepaired = "page-repaired"
)

// Flag is a reliability note on a document or on a span of it.
type Flag struct {
	Kind   string
	Detail string
	Span
}

// Reference is one entry of a reference list ("[1] BBC News, "Title," 2025-04-01.").
type Reference struct {
	Span          // the entry in Text
	Label  string // "1"
	Outlet string
	Title  string
	Date   string // "YYYY-MM-DD" or ""
}

// SearchHit is one ranked result of a full-text search.
type SearchHit struct {
	DocumentID string
	Source     string
	Title      string
	Kind       string  // "document" or "quote"
	Snippet    string  // with the matched terms marked
	Score      float64 // higher is better
}

// QuoteFilter narrows a listing of stored quotes; zero fields do not filter.
type QuoteFilter struct {
	Speaker string
	Words   string
	Source  string
	Since   string
	Until   string
	Limit   int
}

// StoredQuote is a quote with the document it came from.
type StoredQuote struct {
	Quote
	DocumentID string
	Source     string
}

// EventFilter narrows a listing of stored events; zero fields do not filter. Actor matches the
// source or the target (a part of the name, or a code prefix such as USA or UKRGOV).
type EventFilter struct {
	Actor  string
	PLOVER string
	Source string
	Since  string
	Until  string
	Limit  int
}

// StoredEvent is an event with the document it came from.
type StoredEvent struct {
	Event
	DocumentID string
	Source     string
	Published  string
}

// StanceFilter narrows a listing of stored stances; zero fields do not filter.
type StanceFilter struct {
	Actor    string
	Issue    string
	Polarity string
	Source   string
	Since    string
	Until    string
	Limit    int
}

// StoredStance is a stance with the document it came from.
type StoredStance struct {
	Stance
	DocumentID string
	Source     string
	Published  string
}

// Store keeps documents and their annotations. Every method is one transaction: a document is
// stored whole or not at all, so a crash mid-ingest never leaves half a document behind.
type Store interface {
	// PutDocument stores an analysed document; created is false when a document with the same
	// ID was already there, in which case nothing is written.
	PutDocument(ctx context.Context, doc *Document) (created bool, err error)
	// AddSource records that the stored document id was also read from source (a copy of the
	// same text elsewhere); added is false when the source was already known.
	AddSource(ctx context.Context, id, source string) (added bool, err error)
	// HasSource reports whether any stored document was read from source.
	HasSource(ctx context.Context, source string) (bool, error)
	// Sources lists every source the document was read from, first seen first.
	Sources(ctx context.Context, id string) ([]string, error)
	// HasDocument reports whether a document with that ID is stored.
	HasDocument(ctx context.Context, id string) (bool, error)
	// Document loads one document with all its annotations; ENOTFOUND when absent. A unique ID
	// prefix is accepted.
	Document(ctx context.Context, id string) (*Document, error)
	// Documents calls fn for every stored document, in ingest order, until fn returns an error.
	Documents(ctx context.Context, fn func(*Document) error) error
	// Search ranks documents and quotes against a full-text query.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// Quotes lists stored quotes matching the filter.
	Quotes(ctx context.Context, f QuoteFilter) ([]StoredQuote, error)
	// Events lists stored events matching the filter, by date.
	Events(ctx context.Context, f EventFilter) ([]StoredEvent, error)
	// Stances lists stored stances matching the filter, by date.
	Stances(ctx context.Context, f StanceFilter) ([]StoredStance, error)
	// Count returns how many documents are stored.
	Count(ctx context.Context) (int, error)
	Close() error
}

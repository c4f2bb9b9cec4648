package parley

// The story view: what many documents, taken together, say about one developing story. It is
// derived from stored documents (package story builds it) and read by the brief and the views.

// Story is a group of documents about one developing news story.
type Story struct {
	ID        string
	Label     string // a few words naming the story: its main actors and terms
	Start     string // YYYY-MM-DD of the earliest document or event, "" when unknown
	End       string
	Documents []StoryDocument
	Actors    []StoryActor // most prominent first
	Events    []StoryEvent // one per real-world event, with every report of it
	Quotes    []StoryQuote // one per statement, with every source that carries it
	Claims    []Claim      // facts that independent sources corroborate
	Conflicts []Conflict   // facts on which sources disagree
	Positions []Position   // each actor's positions on each issue over time
	Notes     []SourceNote // reliability notes per document
	Issues    []string     // the issues positions are read on, in profile order
}

// StoryDocument is one member document of a story.
type StoryDocument struct {
	ID        string
	Source    string
	Title     string
	Published string
	CopyOf    string // the ID of the earlier document this one copies, "" for an independent one
}

// StoryActor is an actor of a story and how present it is.
type StoryActor struct {
	Name      string
	Code      string
	Role      string
	Mentions  int
	Documents int
}

// Evidence is one span of one stored document: where a fact of the story was read.
type Evidence struct {
	DocumentID string
	Source     string
	Span       // byte offsets into that document's text
	Text       string
}

// Actor names an actor without a place in a text.
type ActorName struct {
	Name string
	Code string
}

// StoryEvent is one real-world event with all its reports.
type StoryEvent struct {
	ID        string
	Source    ActorName
	Target    *ActorName
	CAMEO     string
	PLOVER    string
	Goldstein float64
	QuadClass int
	Mode      string
	Date      string
	Reports   []Evidence // every sentence, in every document, that reports it
	Sources   int        // independent sources: documents that are not copies of one another
}

// StoryQuote is one statement with every source that carries it.
type StoryQuote struct {
	ID      string
	Text    string // the longest wording
	Speaker *ActorName
	Kind    string
	Date    string
	Reports []Evidence
	Sources int
}

// Claim is a fact that independent sources corroborate.
type Claim struct {
	Kind     string // "event", "stance" or "quote"
	Summary  string // in words: "Donald Trump opposes us-troops"
	Evidence []Evidence
	Sources  int
}

// Conflict is a fact on which sources disagree, with each side's spans.
type Conflict struct {
	Kind    string // "number", "speaker", "date" or "role"
	Summary string // what the disagreement is about
	Sides   []ConflictSide
}

// ConflictSide is one version of a contested fact.
type ConflictSide struct {
	Value    string
	Evidence []Evidence
}

// Position is an actor's stance on one issue over time.
type Position struct {
	Actor   ActorName
	Issue   string
	Points  []PositionPoint // by date
	Changes []PositionChange
	Current string // the latest polarity
}

// PositionPoint is one dated reading of a position.
type PositionPoint struct {
	Date     string // the stance's date, else its document's
	Polarity string
	Evidence Evidence
}

// PositionChange is a move from one polarity to another, with the evidence on both sides.
type PositionChange struct {
	From, To string
	Date     string
	Before   Evidence
	After    Evidence
}

// SourceNote is what a reader should know about one document's reliability.
type SourceNote struct {
	DocumentID string
	Source     string
	Notes      []string // in words: "citation markers [1]-[10] point to no reference list"
}

package cli

import (
	"context"
	"strings"

	"github.com/parleynews/parley"
	"github.com/parleynews/parley/dedup"
	"github.com/parleynews/parley/sqlite"
)

// copies recognises syndicated and near-duplicate copies among the documents of a run (and of
// the store, for ingest). It is used from the pipeline's sink, which sees documents in input
// order, so "earlier" means earlier in the input.
type copies struct {
	ix *dedup.Index
}

func newCopies() *copies { return &copies{ix: dedup.NewIndex(dedup.DefaultOptions())} }

// prime loads the signatures of the stored documents, signing those that have none.
func (c *copies) prime(ctx context.Context, store *sqlite.DB) error {
	return store.Signatures(ctx, func(id string, raw []byte, text func() (string, error)) error {
		if raw != nil {
			var sig dedup.Signature
			if err := sig.UnmarshalBinary(raw); err == nil {
				_, _, err = c.ix.AddSignature(id, sig)
				if err == nil {
					return nil
				}
			}
			// A signature made by another version of parley is signed again below.
		}
		t, err := text()
		if err != nil {
			return err
		}
		sig := c.ix.Sign(t)
		if _, _, err := c.ix.AddSignature(id, sig); err != nil {
			return err
		}
		b, err := sig.MarshalBinary()
		if err != nil {
			return err
		}
		return store.PutSignature(ctx, id, b)
	})
}

// check indexes doc and flags it duplicate-of when it copies an earlier document. It returns
// the signature to keep with the document.
func (c *copies) check(doc *parley.Document) (dedup.Signature, string) {
	sig := c.ix.Sign(articleText(doc))
	copyOf, _, err := c.ix.AddSignature(doc.ID, sig)
	if err != nil || copyOf == "" || copyOf == doc.ID {
		return sig, ""
	}
	doc.Flags = append(doc.Flags, parley.Flag{
		Kind:   parley.FlagDuplicateOf,
		Detail: copyOf,
		Span:   parley.Span{Start: 0, End: len(doc.Text)},
	})
	return sig, copyOf
}

// articleText is the text without what the cleaner removed, so that two copies of one wire
// story under different site furniture compare on the story alone.
func articleText(doc *parley.Document) string {
	if len(doc.Removed) == 0 {
		return doc.Text
	}
	var b strings.Builder
	at := 0
	for _, r := range doc.Removed {
		if r.Start < at || r.End > len(doc.Text) {
			continue
		}
		b.WriteString(doc.Text[at:r.Start])
		b.WriteByte(' ')
		at = r.End
	}
	b.WriteString(doc.Text[at:])
	return b.String()
}

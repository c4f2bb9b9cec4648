package parley

import (
	"errors"
	"fmt"
)

// Error codes: the closed set of kinds of failure. The CLI maps them to exit codes and a future
// HTTP server to status codes, each in one place.
const (
	EINVALID     = "invalid"     // bad input: unreadable file, binary data, malformed JSON line
	ENOTFOUND    = "not_found"   // no such document, no such file
	ECONFLICT    = "conflict"    // an ambiguous ID prefix, a store written by a newer parley
	EUNAVAILABLE = "unavailable" // a network source that did not answer
	EINTERNAL    = "internal"    // a bug or an environment failure
)

// Error is an application error with a code a caller can act on and a message for a person.
type Error struct {
	Code    string
	Message string
	Err     error // the underlying cause, if any
}

func (e *Error) Error() string {
	switch {
	case e.Message != "" && e.Err != nil:
		return e.Message + ": " + e.Err.Error()
	case e.Message != "":
		return e.Message
	case e.Err != nil:
		return e.Err.Error()
	}
	return e.Code
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any other error,
// and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

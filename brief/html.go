package brief

import (
	_ "embed"
	"html/template"
	"io"
	"strings"

	"github.com/parleynews/parley"
)

//go:embed brief.html
var pageSource string

// page is parsed once, at start-up: a broken template is a bug to find at once, not per brief.
var page = template.Must(template.New("brief").Funcs(template.FuncMap{
	"symbol": symbol,
	"join":   strings.Join,
	"short":  short,
}).Parse(pageSource))

// HTML writes the story's brief as one self-contained HTML page: styles inline, charts in SVG,
// no scripts and nothing fetched, so it reads offline and prints as it shows.
func HTML(w io.Writer, st *parley.Story) error {
	v := newView(st)
	data := struct {
		*view
		EventsChart    template.HTML
		GoldsteinChart template.HTML
	}{v, eventsPerDay(v.Events), goldsteinByDyad(v.Events)}
	return page.Execute(w, data)
}

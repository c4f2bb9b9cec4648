package extract

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/parleynews/parley"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestHTMLArticle(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := HTML(raw, "https://news.example.com/x")
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	// The headline, kicker, byline, dateline, figure caption, credits, advertisement, embed
	// caption, read-more link, share row, related stories, comments and footer all go.
	want := strings.Join([]string{
		"Negotiators from both sides returned to Geneva on Tuesday for a third round of talks on the security guarantees that have stalled for months, officials said.",
		"The foreign minister told reporters that the delegation had clear instructions to seek a written commitment, and that the government would not sign a ceasefire without one.",
		"A long road",
		"The talks began in January. Since then, three drafts have been exchanged, each rejected by one side or the other over the question of who would enforce the terms.",
		"The first draft proposed monitors.",
		"The second draft proposed a joint commission.",
		"“We are closer than we have ever been,” the envoy said.\n“But close is not done.”",
	}, "\n\n")
	if res.Text != want {
		t.Errorf("Text:\n%s\nwant:\n%s", res.Text, want)
	}
	if res.Paragraphs != 7 {
		t.Errorf("Paragraphs = %d, want 7", res.Paragraphs)
	}
	for field, got := range map[string][2]string{
		"Title":     {res.Title, "Talks on security guarantees resume in Geneva"},
		"Author":    {res.Author, "Jane Doe"},
		"Published": {res.Published, "2025-03-04"},
		"Language":  {res.Language, "en"},
		"URL":       {res.URL, "https://news.example.com/world/2025/03/04/geneva-talks"},
	} {
		if got[0] != got[1] {
			t.Errorf("%s = %q, want %q", field, got[0], got[1])
		}
	}
}

func TestHTMLInvalid(t *testing.T) {
	for name, raw := range map[string]string{
		"empty":       "",
		"blank":       " \n\t ",
		"binary":      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
		"empty body":  "<html><head><title>Nothing</title></head><body></body></html>",
		"script only": "<html><body><script>var a = 1;</script></body></html>",
		"nav only":    `<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>`,
	} {
		t.Run(name, func(t *testing.T) {
			res, err := HTML([]byte(raw), "")
			if code := parley.ErrorCode(err); code != parley.EINVALID {
				t.Fatalf("HTML = %+v, %v (code %q), want an EINVALID error", res, err, code)
			}
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	body := "<p>Le ministre a déclaré à la presse que la délégation avait reçu des instructions claires " +
		"pour obtenir un engagement écrit, et que le gouvernement ne signerait pas de cessez-le-feu sans " +
		"cet engagement. Les négociations reprendront la semaine prochaine à Genève.</p>"
	latin1, err := charmap.ISO8859_1.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	page := `<html><head><meta charset="iso-8859-1"><title>Négociations</title></head><body><article>` +
		latin1 + `</article></body></html>`
	res, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	if !strings.Contains(res.Text, "Le ministre a déclaré à la presse") {
		t.Errorf("Text = %q, want the Latin-1 page decoded", res.Text)
	}
}

func TestDecode(t *testing.T) {
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>Zürich</p>")
	if err != nil {
		t.Fatal(err)
	}
	win1252 := func(s string) string {
		out, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	lateMeta := "<html><head>" + strings.Repeat(`<meta name="x" content="padding">`, 60) +
		`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>`
	for _, tc := range []struct {
		name, in, want string
	}{
		{"utf-8", "<p>Zürich</p>", "<p>Zürich</p>"},
		{"utf-8 BOM", "\xEF\xBB\xBF<p>Zürich</p>", "<p>Zürich</p>"},
		{"utf-16 BOM", utf16le, "<p>Zürich</p>"},
		{"meta charset", `<meta charset="windows-1252">` + win1252("<p>“Zürich”</p>"), `<meta charset="windows-1252"><p>“Zürich”</p>`},
		{"meta past 1024 bytes", lateMeta + win1252("<p>“Zürich”</p>"), lateMeta + "<p>“Zürich”</p>"},
		{"undeclared legacy bytes", win1252("<p>Zürich</p>"), "<p>Zürich</p>"},
		{"utf-8 declared latin-1", `<meta charset="iso-8859-1"><p>Zürich</p>`, `<meta charset="iso-8859-1"><p>Zürich</p>`},
		{"declared utf-8, bad byte", "<meta charset=utf-8><p>Z\xFCrich</p>", "<meta charset=utf-8><p>Z\uFFFDrich</p>"},
		{"declared utf-16", "<meta charset=utf-16><p>Z\xFCrich</p>", "<meta charset=utf-16><p>Z\uFFFDrich</p>"},
		{"soft hyphen", "<p>Ne\u00ADgo\u00ADti\u00ADa\u00ADtors</p>", "<p>Negotiators</p>"},
		{"NFC", "<p>Zu\u0308rich</p>", "<p>Zürich</p>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decode([]byte(tc.in), new([]string))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got != tc.want {
				t.Errorf("decode = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"paragraphs", "<p>One.</p><p>Two.</p>", []string{"One.", "Two."}},
		{"white space", "<p>  One\n\t two  </p>", []string{"One two"}},
		{"headings and lists", "<h2>Head</h2><ul><li>a</li><li>b <b>c</b></li></ul>", []string{"Head", "a", "b c"}},
		{"line break", "<p>one<br>two</p>", []string{"one\ntwo"}},
		{"two line breaks", "<p>one<br> <br>two</p>", []string{"one", "two"}},
		{"leading line break", "<p><br>one</p>", []string{"one"}},
		{"trimmed inline edges", "<p>doing<b>this</b>that</p>", []string{"doing this that"}},
		{"punctuation after inline", "<p>read <i>War and Peace</i>, twice</p>", []string{"read War and Peace, twice"}},
		{"markup inside words", "<p><span>T</span>he H<sub>2</sub>O and the 10<sup>th</sup></p>", []string{"The H2O and the 10th"}},
		{"table rows", "<table><tr><td>1</td><td>Kyle Busch</td></tr><tr><td>2</td><td>Truex</td></tr></table>", []string{"1 Kyle Busch", "2 Truex"}},
		{"text around blocks", "<div>before<p>inside</p>after</div>", []string{"before", "inside", "after"}},
		{"preformatted", "<pre>line one\nline two</pre>", []string{"line one\nline two"}},
		{"skipped", "<p>kept</p><script>x()</script><figcaption>caption</figcaption><button>Share</button>", []string{"kept"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tc.in + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range render(doc) {
				got = append(got, b.text)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("render = %q, want %q", got, tc.want)
			}
		})
	}
}

// Trafilatura builds its output by tag name, without atoms: render must still see the blocks.
func TestRenderNamedOnly(t *testing.T) {
	body := &html.Node{Type: html.ElementNode, Data: "body"}
	for _, s := range []string{"one", "two"} {
		p := &html.Node{Type: html.ElementNode, Data: "p"}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		body.AppendChild(p)
	}
	got := render(body)
	if len(got) != 2 || got[0].tag != atom.P {
		t.Errorf("render = %+v, want two p blocks", got)
	}
}

func TestBoilerplateRule(t *testing.T) {
	for _, tc := range []struct {
		line string
		edge bool
		want string // the rule, "" for prose
	}{
		{"Advertisement", false, "furniture"},
		{"Continue Reading Below", false, "furniture"},
		{"Read more: Alibaba poised to launch record-breaking listing", false, "furniture"},
		{"Related: The 15 Weirdest Galaxies in Our Universe", false, "furniture"},
		{"Subscribe to the Morning Review newsletter", false, "furniture"},
		{"Get the latest updates right in your inbox. Subscribe to our newsletters.", false, "pitch"},
		{"CLICK HERE TO GET THE FOX NEWS APP", false, "pitch"},
		{"Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", false, "pitch"},
		{"Reporting by Rodrigo Campos; Editing by Nick Zieminski", false, "pitch"},
		{"Keith Bradsher contributed reporting from Hong Kong.", false, "pitch"},
		{"Write to Al Root at allen.root@example.com", false, "pitch"},
		{"Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved", false, "pitch"},
		{"Mensagens » Mensagens de Autoestima » Só quem se Ama…", false, "breadcrumb"},
		{"Embed from Getty Images", false, "caption"},
		{"Photo: Reuters", false, "caption"},
		{"(Image credit: All About Space)", false, "caption"},
		{"© Reuters", false, "caption"},
		{"In this Dec. 12, 2006, file photo, astronauts participate in a space walk. (NASA via AP, File)", false, "caption"},
		{"Whatsapp Facebook Pint Baixar", false, "share"},
		{"Tempo de leitura: 2 minutos", false, "reading-time"},
		{"* * *", false, "ornament"},
		{"By Jane Doe", true, "byline"},
		{"By Jane Doe", false, ""},
		{"Published 18 November 2019", true, "dateline"},
		{"UPDATED: Tue., Nov. 19, 2019", true, "dateline"},
		{"5:45 AM PST 11/19/2019 by Patrick Shanley", true, "dateline"},
		{"sexta-feira, 22 de outubro de 2010 às 20:13", true, "dateline"},
		{"paul.takahashi@example.com", true, "address"},
		// Prose, and lines that only look like furniture.
		{"The vote is on March 3 at 10 am.", true, ""},
		{"Rockledge 14 11 6 15 — 44", true, ""},
		{"— Governor Kristi Noem (@govkristinoem) November 18, 2019", true, ""},
		{"http://amzn.to/2iJFhRj", true, ""},
		{"Share prices fell sharply on Monday after the announcement.", false, ""},
		{"He said he would subscribe to any plan that kept the peace, and that the newsletter he edits would say so today.", false, ""},
	} {
		if got := boilerplateRule(tc.line, tc.edge); got != tc.want {
			t.Errorf("boilerplateRule(%q, edge %v) = %q, want %q", tc.line, tc.edge, got, tc.want)
		}
	}
}

func blocksOf(specs ...string) []block {
	var out []block
	for _, s := range specs {
		tag, text, _ := strings.Cut(s, ":")
		out = append(out, block{text: text, tag: atom.Lookup([]byte(tag))})
	}
	return out
}

func texts(bs []block) string {
	var out []string
	for _, b := range bs {
		out = append(out, b.text)
	}
	return strings.Join(out, "|")
}

func TestDropHeadline(t *testing.T) {
	md := trafilatura.Metadata{
		Title:       "Talks resume in Geneva - The Daily Example",
		Description: "Negotiators returned on Tuesday for a third round.",
	}
	for _, tc := range []struct {
		name string
		in   []block
		want string
	}{
		{"headline", blocksOf("h1:Talks resume in Geneva", "p:Body."), "Body."},
		{"kicker and headline", blocksOf("p:World", "h2:Talks resume in Geneva", "p:Body."), "Body."},
		{"standfirst", blocksOf("h1:Talks resume in Geneva", "h2:Negotiators returned on Tuesday for a third round.", "p:Body."), "Body."},
		{"section heading kept", blocksOf("h1:Talks resume in Geneva", "h2:Background", "p:Body."), "Background|Body."},
		{"untitled first h1", blocksOf("h1:Something else", "p:Body."), "Body."},
		{"no headline", blocksOf("p:Negotiators from both sides returned to Geneva on Tuesday.", "p:Body."), "Negotiators from both sides returned to Geneva on Tuesday.|Body."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := texts(dropHeadline(tc.in, md)); got != tc.want {
				t.Errorf("dropHeadline = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDropRailsAndTeasers(t *testing.T) {
	long := "p:" + strings.Repeat("Prose goes on and on here. ", 8)
	rail := dropRails(blocksOf(long, "h3:More Great Stories", "li:Teaser one", "li:Teaser two", long))
	if got := texts(rail); got != texts(blocksOf(long, long)) {
		t.Errorf("dropRails = %q", got)
	}
	anchors := map[string]bool{"envoy named for the talks": true, "parliament debates the draft": true,
		"what the deal means": true, "click here to get the app": true, "product x review": true}
	in := blocksOf(long, "h3:Envoy named for the talks", "p:A short summary.", "h3:Parliament debates the draft",
		long, "p:CLICK HERE TO GET THE APP", long, "h3:Product X review", long, "p:What the deal means")
	if got, want := texts(dropTeasers(in, anchors)), texts(blocksOf(long, long, long, "h3:Product X review", long)); got != want {
		t.Errorf("dropTeasers = %q, want %q", got, want)
	}
}

func TestPruneFurniture(t *testing.T) {
	const page = `<html><head><title>Geneva talks</title></head><body>
<article class="story"><h1>Geneva talks</h1>
<figure><img src="a.jpg"><figcaption>FIGCAPTION</figcaption></figure>
<figure class="pullquote"><blockquote>QUOTED</blockquote></figure>
<div class="article-body share-enabled"><p>BODY ` + "body body body body body body body body body body body body body body body body" + `</p>
<span class="photo-credit">CREDIT</span><div class="social-embed"><blockquote>EMBEDDED POST</blockquote></div>
<div class="share-bar">SHARE</div></div></article>
<article class="teaser"><h2>Other story</h2><p>TEASER</p></article>
<div id="comments"><p>COMMENT</p></div><div class="commentary">COMMENTARY</div>
<div style="display: none">HIDDEN</div>
</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	pruneFurniture(doc)
	text := textOf(doc)
	for _, kept := range []string{"BODY", "QUOTED", "EMBEDDED POST", "COMMENTARY"} {
		if !strings.Contains(text, kept) {
			t.Errorf("%s pruned", kept)
		}
	}
	for _, gone := range []string{"FIGCAPTION", "CREDIT", "SHARE", "TEASER", "COMMENT ", "HIDDEN"} {
		if strings.Contains(text+" ", gone) {
			t.Errorf("%s kept", gone)
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, seed := range []string{
		"",
		"<p>hello</p>",
		"<html><body><article><h1>T</h1><p>" + strings.Repeat("Some words of prose. ", 30) + "</p></article></body></html>",
		"<table><tr><td>a<br><br>b</td></tr></table><pre>x\ny</pre>",
		`<meta charset="shift_jis"><p>` + "\x82\xa0\x82\xa2" + `</p>`,
		"\xFF\xFE<\x00p\x00>\x00",
		"<div class=share><figure><blockquote>q</blockquote></figure></div><article><h1>x</h1></article>",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		res, err := HTML(raw, "https://example.com/a")
		if err != nil {
			if code := parley.ErrorCode(err); code != parley.EINVALID {
				t.Fatalf("error %v has code %q, want %q", err, code, parley.EINVALID)
			}
			return
		}
		if res.Text == "" || !utf8.ValidString(res.Text) {
			t.Fatalf("Text %q empty or not UTF-8", res.Text)
		}
		paras := strings.Split(res.Text, "\n\n")
		if len(paras) != res.Paragraphs {
			t.Errorf("Paragraphs = %d, Text has %d", res.Paragraphs, len(paras))
		}
		for _, p := range paras {
			if p == "" || strings.TrimSpace(p) != p {
				t.Errorf("paragraph %q empty or not trimmed", p)
			}
		}
	})
}

// TestHTMLRepairs: a page with a few stray NUL bytes, or nested deeper than the HTML parser
// goes, keeps its text and says what was mended.
func TestHTMLRepairs(t *testing.T) {
	body := "<p>Negotiators from both sides returned to Geneva on Tuesday for a third round of talks on the security guarantees, officials said.</p>" +
		"<p>The foreign minister told reporters that the delegation had clear instructions to seek a written commitment before any ceasefire.</p>"
	deep := strings.Repeat("<div>", 600) + body + strings.Repeat("</div>", 600)
	for _, tc := range []struct {
		name, page, repair string
	}{
		{"stray nul", "<html><body><article>" + strings.Replace(body, "Geneva", "Gen\x00eva", 1) + "</article></body></html>", "1 stray NUL byte removed"},
		{"too deep", "<html><body>" + deep + "</body></html>", "elements nested deeper than 256 flattened"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := HTML([]byte(tc.page), "")
			if err != nil {
				t.Fatalf("HTML: %v", err)
			}
			if !strings.Contains(res.Text, "returned to Geneva on Tuesday") || !strings.Contains(res.Text, "written commitment") {
				t.Errorf("text lost: %q", res.Text)
			}
			if len(res.Repairs) != 1 || res.Repairs[0] != tc.repair {
				t.Errorf("repairs = %q, want [%q]", res.Repairs, tc.repair)
			}
		})
	}
}

package brief

import (
	"fmt"
	"html"
	"html/template"
	"sort"
	"strings"
)

// The charts are drawn as inline SVG, so the HTML brief needs no script and no network, and
// prints as it shows.

var quadColors = map[int]string{1: "#4c9a5f", 2: "#2f6f8f", 3: "#d08c2c", 4: "#b53b3b"}

// eventsPerDay is a stacked bar chart of dated events per day by quad class.
func eventsPerDay(events []eventView) template.HTML {
	counts := map[string]*[5]int{}
	var days []string
	for _, e := range events {
		if e.Date == "undated" || len(e.Date) < 10 {
			continue
		}
		d := e.Date[:10]
		if counts[d] == nil {
			counts[d] = &[5]int{}
			days = append(days, d)
		}
		if e.QuadClass >= 1 && e.QuadClass <= 4 {
			counts[d][e.QuadClass]++
		}
	}
	if len(days) == 0 {
		return `<p class="empty">No dated events to chart.</p>`
	}
	sort.Strings(days)
	most := 1
	for _, c := range counts {
		if n := c[1] + c[2] + c[3] + c[4]; n > most {
			most = n
		}
	}
	const h, top, bottom, left = 180.0, 10.0, 50.0, 30.0
	bw := 28.0
	w := left + float64(len(days))*(bw+8) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-label="Events per day by quad class" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f">`, w, h+bottom, w, h+bottom)
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#999"/>`, left, h, w-5, h)
	fmt.Fprintf(&b, `<text x="2" y="%.0f" class="axis">%d</text><text x="2" y="%.0f" class="axis">0</text>`, top+8, most, h)
	for i, d := range days {
		x := left + 4 + float64(i)*(bw+8)
		y := h
		for q := 1; q <= 4; q++ {
			n := counts[d][q]
			if n == 0 {
				continue
			}
			bh := float64(n) / float64(most) * (h - top)
			y -= bh
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.0f" height="%.1f" fill="%s"><title>%s: %d %s</title></rect>`,
				x, y, bw, bh, quadColors[q], d, n, quadNames[q])
		}
		fmt.Fprintf(&b, `<text class="axis" transform="translate(%.1f,%.0f) rotate(45)">%s</text>`, x+4, h+12, d[5:])
	}
	b.WriteString(`</svg>`)
	b.WriteString(`<p class="legend">`)
	for q := 1; q <= 4; q++ {
		fmt.Fprintf(&b, `<span><i style="background:%s"></i>%s</span> `, quadColors[q], quadNames[q])
	}
	b.WriteString(`</p>`)
	return template.HTML(b.String())
}

var lineColors = []string{"#2f6f8f", "#b53b3b", "#4c9a5f", "#d08c2c", "#7a4f9a", "#444444"}

// goldsteinByDyad draws the Goldstein value of each dated event over time, one line per dyad
// (the six dyads with most events).
func goldsteinByDyad(events []eventView) template.HTML {
	type point struct {
		day string
		g   float64
	}
	series := map[string][]point{}
	var days []string
	seen := map[string]bool{}
	for _, e := range events {
		if e.Date == "undated" || len(e.Date) < 10 {
			continue
		}
		dyad := e.Source
		if e.Target != "" {
			dyad += " → " + e.Target
		}
		series[dyad] = append(series[dyad], point{e.Date[:10], e.Goldstein})
		if !seen[e.Date[:10]] {
			seen[e.Date[:10]] = true
			days = append(days, e.Date[:10])
		}
	}
	if len(days) == 0 {
		return `<p class="empty">No dated events to chart.</p>`
	}
	sort.Strings(days)
	var dyads []string
	for d := range series {
		dyads = append(dyads, d)
	}
	sort.Slice(dyads, func(i, j int) bool {
		if len(series[dyads[i]]) != len(series[dyads[j]]) {
			return len(series[dyads[i]]) > len(series[dyads[j]])
		}
		return dyads[i] < dyads[j]
	})
	if len(dyads) > len(lineColors) {
		dyads = dyads[:len(lineColors)]
	}
	const h, left, bottom = 200.0, 34.0, 40.0
	step := 60.0
	w := left + float64(len(days)-1)*step + 40
	x := func(day string) float64 { return left + 10 + float64(sort.SearchStrings(days, day))*step }
	y := func(g float64) float64 { return 10 + (10-g)/20*(h-20) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-label="Goldstein value over time per dyad" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f">`, w, h+bottom, w, h+bottom)
	for _, g := range []float64{10, 0, -10} {
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ddd"/><text x="2" y="%.1f" class="axis">%+.0f</text>`, left, y(g), w-5, y(g), y(g)+4, g)
	}
	for i, d := range days {
		fmt.Fprintf(&b, `<text class="axis" transform="translate(%.1f,%.0f) rotate(45)">%s</text>`, left+10+float64(i)*step-4, h+8, d[5:])
	}
	for i, d := range dyads {
		pts := series[d]
		sort.SliceStable(pts, func(a, c int) bool { return pts[a].day < pts[c].day })
		var coords []string
		for _, p := range pts {
			coords = append(coords, fmt.Sprintf("%.1f,%.1f", x(p.day), y(p.g)))
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`, lineColors[i], strings.Join(coords, " "))
		for _, p := range pts {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s %s: %+.1f</title></circle>`,
				x(p.day), y(p.g), lineColors[i], html.EscapeString(d), p.day, p.g)
		}
	}
	b.WriteString(`</svg><p class="legend">`)
	for i, d := range dyads {
		fmt.Fprintf(&b, `<span><i style="background:%s"></i>%s</span> `, lineColors[i], html.EscapeString(d))
	}
	b.WriteString(`</p>`)
	return template.HTML(b.String())
}

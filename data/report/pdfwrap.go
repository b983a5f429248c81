package report

import (
	"strings"
	"unicode/utf8"
)

// wrapLines splits text into lines no wider than width as measure gives it.
// Lines break only at spaces (and at the text's own newlines); a word wider
// than the whole width is broken with a hyphen, so nothing is ever drawn
// past the column. Only a single character wider than width can overflow.
func wrapLines(text string, width float64, measure func(string) float64) []string {
	// A column sized to its text must hold it despite float rounding.
	width += 1e-6
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && measure(line+" "+word) <= width {
				line += " " + word
				continue
			}
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			for measure(word) > width {
				head := longestFittingPrefix(word, width, measure)
				lines = append(lines, head+"-")
				word = word[len(head):]
			}
			line = word
		}
		lines = append(lines, line)
	}
	return lines
}

// longestFittingPrefix is the longest prefix of word that fits in width
// with a hyphen after it; at least one character, so wrapping always ends.
func longestFittingPrefix(word string, width float64, measure func(string) float64) string {
	_, first := utf8.DecodeRuneInString(word)
	end := first
	for i := range word {
		if i <= first {
			continue
		}
		if measure(word[:i]+"-") > width {
			break
		}
		end = i
	}
	return word[:end]
}

// columnWidths sizes the columns of a table (header row first in cells) to
// their content within width. No column is narrower than its longest word
// (a date, an amount, a header word) unless the words together cannot fit;
// the room left goes to the columns whose text would otherwise wrap. pad is the space around a cell's text.
func columnWidths(cells [][]string, cols int, width, pad float64, measure func(string) float64) []float64 {
	minimum := make([]float64, cols)
	natural := make([]float64, cols)
	for _, row := range cells {
		for i := 0; i < cols && i < len(row); i++ {
			for _, line := range strings.Split(row[i], "\n") {
				natural[i] = max(natural[i], measure(line)+pad)
				for _, w := range strings.Fields(line) {
					// A word longer than half the page breaks anyway.
					minimum[i] = max(minimum[i], min(measure(w)+pad, width/2))
				}
			}
		}
	}
	for i := range minimum {
		minimum[i] = max(minimum[i], pad+1)
		natural[i] = max(natural[i], minimum[i])
	}
	if sum(natural) <= width {
		return natural
	}
	widths := make([]float64, cols)
	if total := sum(minimum); total >= width {
		for i, m := range minimum {
			widths[i] = m * width / total
		}
		return widths
	}
	// Share the room left evenly among the columns that lack it, a column
	// taking no more than its text needs: short columns (counts, amounts,
	// dates) come out whole, and long text wraps in the room that remains.
	copy(widths, minimum)
	spare := width - sum(minimum)
	for spare > 1e-9 {
		lacking := 0
		for i := range widths {
			if widths[i] < natural[i] {
				lacking++
			}
		}
		if lacking == 0 {
			break
		}
		share := spare / float64(lacking)
		for i := range widths {
			if give := min(share, natural[i]-widths[i]); give > 0 {
				widths[i] += give
				spare -= give
			}
		}
	}
	return widths
}

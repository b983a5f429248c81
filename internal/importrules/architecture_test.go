package importrules

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// docPackages reads docs/architecture.md's package table: each row's
// package and the packages of ours its last column names ("none" for
// none).
func docPackages(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	quoted := regexp.MustCompile("`([^`]+)`")
	rows := map[string][]string{}
	inTable := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "| package |") {
			inTable = true
			continue
		}
		if !inTable || strings.HasPrefix(line, "|---") {
			continue
		}
		if !strings.HasPrefix(line, "|") {
			break
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		name := quoted.FindStringSubmatch(cells[0])
		if name == nil {
			t.Fatalf("a row names no package: %s", line)
		}
		imports := []string{}
		for _, m := range quoted.FindAllStringSubmatch(cells[len(cells)-1], -1) {
			imports = append(imports, m[1])
		}
		rows[name[1]] = imports
	}
	if len(rows) < 10 {
		t.Fatalf("the package table has only %d rows", len(rows))
	}
	return rows
}

// docs/architecture.md lists every package with what it imports of ours,
// as `go list` sees it: the map of the code stays true when it changes.
func TestArchitectureTableMatchesTheImports(t *testing.T) {
	doc := docPackages(t)
	for path, p := range listPackages(t) {
		name := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
		var ours []string
		for _, imp := range p.Imports {
			if under(imp, module) {
				ours = append(ours, strings.TrimPrefix(imp, module+"/"))
			}
		}
		slices.Sort(ours)
		listed, ok := doc[name]
		if !ok {
			t.Errorf("docs/architecture.md has no row for %s (it imports %v)", name, ours)
			continue
		}
		listed = slices.Sorted(slices.Values(listed))
		if !slices.Equal(listed, ours) && !(len(listed) == 0 && len(ours) == 0) {
			t.Errorf("docs/architecture.md says %s imports %v; it imports %v", name, listed, ours)
		}
		delete(doc, name)
	}
	for name := range doc {
		t.Errorf("docs/architecture.md lists %s, which is not a package of the module", name)
	}
}

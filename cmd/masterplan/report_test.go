package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCLI(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "case.pdf")
	if r := runCLI(t, db, "report", "-o", pdf, "--why", "Fewer escalations.", "--raise", "6000", "--sections", "rotation,return"); r.code != 0 {
		t.Fatalf("report: exit %d: %s", r.code, r.stderr)
	}
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, want := range []string{"MCM: Exchange Server 2010", "Fewer escalations.", "Return on the investment", "add the budget first"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(string(out), "Preparation") {
		t.Error("a section left out with --sections is in the PDF")
	}

	html := filepath.Join(dir, "case.html")
	if r := runCLI(t, db, "report", "-o", html); r.code != 0 {
		t.Fatalf("report html: exit %d: %s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(html); !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
		t.Errorf("%s is not HTML: %.40q", html, b)
	}

	for _, bad := range [][]string{
		{"report", "--format", "docx"},
		{"report", "--raise", "lots"},
		{"report", "--sections", "gossip"},
		{"report", "--one-off", "-5"},
	} {
		if r := runCLI(t, db, bad...); r.code != exitUsage || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", bad, r.code, r.stderr)
		}
	}
}

package data

import "testing"

func TestMilestoneDoneFollowsItsBudgetItem(t *testing.T) {
	tests := []struct {
		name                   string
		checked, linked, spent bool
		want                   bool
	}{
		{"unlinked, checked", true, false, false, true},
		{"unlinked, open", false, false, true, false},
		{"linked, fee not paid, box left checked", true, true, false, false},
		{"linked, fee paid, box unchecked", false, true, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MilestoneDone(tc.checked, tc.linked, tc.spent); got != tc.want {
				t.Errorf("MilestoneDone(%v, %v, %v) = %v, want %v", tc.checked, tc.linked, tc.spent, got, tc.want)
			}
		})
	}
	m := Milestone{Title: "Program fee paid", BudgetItemID: 3, BudgetItem: ProgramFee(Date{}).LinkLabel()}
	if got, want := m.PaidText(), "done when “Program fee: Rotation fee (includes the lab exam and one retake)” is paid"; got != want {
		t.Errorf("PaidText = %q, want %q", got, want)
	}
	if (Milestone{}).PaidText() != "" {
		t.Error("an unlinked milestone says what it waits for")
	}
}

package data

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestSpentByYouAndOutstandingAgree is the contradiction of issue 18:
// the employer paid the fee straight to the program, yet main showed
// "Spent: you USD 0.00" beside "Reimbursement outstanding: USD 18,500.00".
// Money can be owed back to you only out of what you fronted.
func TestSpentByYouAndOutstandingAgree(t *testing.T) {
	rates := NewRateTable("USD", nil)
	fee := ProgramFee(day(t, "2026-11-01"))
	fee.PaidBy = PaidByEmployer
	fee.Actual = NewMoney("18500", "USD")
	hotel := BudgetItem{Category: CategoryHotel, Planned: NewMoney("2000", "USD"), Actual: NewMoney("2000", "USD"),
		PaidBy: PaidBySplit, EmployerPercent: 50, Reimbursement: Claimed}
	mine := BudgetItem{Category: CategoryMeals, Planned: NewMoney("300", "USD"), Actual: NewMoney("300", "USD"),
		PaidBy: PaidByMe, Reimbursement: NotClaimed}

	t.Run("the employer paid directly", func(t *testing.T) {
		direct := fee
		direct.FrontedBy = PaidByEmployer
		tot := SumBudget([]BudgetItem{direct, hotel, mine}, rates)
		checkFrontedAgree(t, tot)
		wantDec(t, "spent by you", tot.Fronted.Self, "2300")
		wantDec(t, "paid directly by the employer", tot.Fronted.Employer, "18500")
		wantDec(t, "outstanding", tot.Reimbursement.Outstanding(), "1000")
		wantDec(t, "your share of the spend", tot.Actual.Self, "1300")
	})
	t.Run("you paid and the employer reimburses", func(t *testing.T) {
		fronted := fee
		fronted.FrontedBy = PaidByMe
		tot := SumBudget([]BudgetItem{fronted, hotel, mine}, rates)
		checkFrontedAgree(t, tot)
		wantDec(t, "spent by you", tot.Fronted.Self, "20800")
		wantDec(t, "outstanding", tot.Reimbursement.Outstanding(), "19500")
	})
}

// checkFrontedAgree holds the rule every screen relies on: what the
// employer owes or has paid back never exceeds what you fronted.
func checkFrontedAgree(t *testing.T, tot BudgetTotals) {
	t.Helper()
	owedOrBack := tot.Reimbursement.Outstanding().Add(tot.Reimbursement.Reimbursed)
	if owedOrBack.GreaterThan(tot.Fronted.Self) {
		t.Errorf("you spent %s but %s is owed to you or paid back", tot.Fronted.Self, owedOrBack)
	}
	if !tot.Fronted.Self.Add(tot.Fronted.Employer).Equal(tot.Actual.Total) {
		t.Errorf("fronted %s + %s is not the actual %s", tot.Fronted.Self, tot.Fronted.Employer, tot.Actual.Total)
	}
	_ = decimal.Zero
}

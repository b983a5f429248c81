-- Plans change (issue 18), the budget's part:
--
-- generated_by: which generator made an item ('hotel' or 'meals'; '' for
-- an item typed, imported or duplicated). The nights or days it covers are
-- the item's own start_date..end_date, so moving the dates (by hand, or
-- with its rotation block) moves what it covers; running the generator
-- again for covered nights offers to replace it (data.PlanGenerated)
-- instead of adding a second copy.
--
-- fronted_by: who paid the money at the till ('me' or 'employer'), apart
-- from paid_by, who finally bears it. Only money you fronted can be owed
-- back to you, so "spent by you" and "reimbursement outstanding" agree
-- (data.SumBudget). Every item so far was tracked as fronted by you: that
-- is what its reimbursement state meant.
--
-- milestone_budget_items: a milestone done when its budget item's actual
-- amount is recorded ("Program fee paid"), at most one item per
-- milestone. A table of its own (rather than a column) so that the link
-- goes with either side and the Down step is one DROP.

-- +goose Up
ALTER TABLE budget_items ADD COLUMN generated_by TEXT NOT NULL DEFAULT ''
    CHECK (generated_by IN ('', 'hotel', 'meals'));
ALTER TABLE budget_items ADD COLUMN fronted_by TEXT NOT NULL DEFAULT 'me'
    CHECK (fronted_by IN ('me', 'employer'));

CREATE TABLE milestone_budget_items (
    milestone_id   INTEGER PRIMARY KEY REFERENCES milestones (id) ON DELETE CASCADE,
    budget_item_id INTEGER NOT NULL REFERENCES budget_items (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX milestone_budget_items_by_item ON milestone_budget_items (budget_item_id);

-- +goose Down
DROP TABLE milestone_budget_items;
ALTER TABLE budget_items DROP COLUMN fronted_by;
ALTER TABLE budget_items DROP COLUMN generated_by;

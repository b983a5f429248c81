package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// whatIfChanges are the items the "what if" drops or re-prices at the other
// location (a London rotation needs no LHR-SEA flight). They last while the
// app runs; data.ApplyScenarioChanges applies them.
type whatIfChanges struct {
	s       *scenarioForm
	changes []data.ScenarioChange
	list    *widget.Label
	clear   *widget.Button
}

func newWhatIfChanges(s *scenarioForm) *whatIfChanges {
	w := &whatIfChanges{s: s, list: widget.NewLabel("")}
	w.list.Wrapping = fyne.TextWrapWord
	w.clear = widget.NewButtonWithIcon("Clear changes", theme.ContentClearIcon(), func() {
		w.changes = nil
		w.changed()
	})
	w.show()
	return w
}

// view is the changes line and its buttons, under the rates.
func (w *whatIfChanges) view() fyne.CanvasObject {
	edit := widget.NewButtonWithIcon("Drop or replace an item…", theme.ContentRemoveIcon(), w.edit)
	return container.NewVBox(w.list, container.NewHBox(edit, w.clear))
}

// show lists the changes in words, each item named as the list names it.
func (w *whatIfChanges) show() {
	if len(w.changes) == 0 {
		w.list.SetText("Every other item as planned. Drop one the other location does not need, or replace its amount.")
		w.clear.Disable()
		return
	}
	byID := map[int64]data.BudgetItem{}
	for _, it := range w.s.b.allItems() {
		byID[it.ID] = it
	}
	lines := make([]string, len(w.changes))
	for i, c := range w.changes {
		name := fmt.Sprintf("item %d (deleted)", c.ItemID)
		if it, ok := byID[c.ItemID]; ok {
			name = it.LinkLabel()
		}
		if c.Drop {
			lines[i] = "Without " + name
		} else {
			lines[i] = name + " at " + c.Replace.Format()
		}
	}
	w.list.SetText("At the other location: " + strings.Join(lines, "; ") + ".")
	w.clear.Enable()
}

// changed shows the changes and compares again.
func (w *whatIfChanges) changed() {
	w.show()
	w.s.compare()
}

// set adds c, replacing an earlier change of the same item.
func (w *whatIfChanges) set(c data.ScenarioChange) {
	for i, old := range w.changes {
		if old.ItemID == c.ItemID {
			w.changes[i] = c
			w.changed()
			return
		}
	}
	w.changes = append(w.changes, c)
	w.changed()
}

// edit asks which item to drop or re-price, and at what amount.
func (w *whatIfChanges) edit() {
	b := w.s.b
	items := b.allItems()
	ids := make([]int64, len(items))
	labels := map[int64]string{}
	for i, it := range items {
		ids[i] = it.ID
		labels[it.ID] = itemTitle(it) + ", " + it.Planned.Format()
	}
	pick := newChoiceSelect(ids, func(id int64) string { return labels[id] }, -1)
	action := widget.NewRadioGroup([]string{"Drop it", "Replace its amount"}, nil)
	action.Horizontal = true
	action.SetSelected("Drop it")
	amount := amountEntry("amount", true, b.mark)
	cur := currencyEntry("currency", true)
	cur.SetText(b.home)
	sync := func(string) {
		if action.Selected == "Drop it" {
			amount.Disable()
			cur.Disable()
		} else {
			amount.Enable()
			cur.Enable()
		}
	}
	action.OnChanged = sync
	sync("")
	showFormDialog(b.shell.Window, "What if: drop or replace an item", "Apply",
		[]*widget.FormItem{
			{Text: "Item", Widget: pick.sel},
			{Text: "At the other location", Widget: action},
			{Text: "Amount", Widget: money(amount, cur), HintText: "the item's planned amount there"},
		},
		map[string]fyne.Validatable{"amount": amount, "currency": cur},
		func() error {
			id, ok := pick.chosen()
			if !ok {
				return data.Invalid("item", "choose the item to drop or replace")
			}
			c := data.ScenarioChange{ItemID: id, Drop: action.Selected == "Drop it"}
			if !c.Drop {
				m, err := data.ParseMoney("amount", amount.Text, cur.Text, b.mark)
				if err != nil {
					return err
				}
				c.Replace = m
			}
			if _, err := data.ApplyScenarioChanges(items, []data.ScenarioChange{c}); err != nil {
				return err
			}
			w.set(c)
			return nil
		})
}

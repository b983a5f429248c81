-- The window's own state for this database: the screen last shown, the
-- divider positions and the window size (issue 18). It lived in Fyne's
-- preferences file, which every instance shares whatever --db says and
-- which was rewritten on each screen switch; here each database keeps its
-- own. It is not user data: the JSON export leaves it out.

-- +goose Up
CREATE TABLE window_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- +goose Down
DROP TABLE window_state;

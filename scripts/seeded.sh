# Sourced by the performance scripts: sets $seeded to the ten-year database
# of `masterplan dev seed`, made once per version of the schema and of the
# generator (their sources' hash is in the name), with $OUT/masterplan.
key=$(cat data/store/migrations/*.sql data/store/seed/*.go | sha1sum | cut -c1-12)
seeded="$OUT/seeded-$key.db"
if [ ! -f "$seeded" ]; then
	"$OUT/masterplan" dev seed --years 10 --db "$seeded" >/dev/null
fi
# Files of older versions only take room.
find "$OUT" -maxdepth 1 -name 'seeded-*.db' ! -name "seeded-$key.db" -delete

"""Writing many changed rows at once, for the generators' upserts.

Django's `bulk_update` builds one `CASE WHEN pk=… THEN …` per field per batch; at thousands of
rows (one added fact shifts the order number of every card after it) that costs seconds of
query building. `rows_update` runs one prepared UPDATE for all rows instead (DB-API
`executemany`), which SQLite and PostgreSQL both execute in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models


def rows_update(model: type[models.Model], rows: Sequence[models.Model], fields: Sequence[str]):
    """Save `fields` of each of `rows` (saved instances of `model`), no signals, one statement."""
    if not rows:
        return
    meta = model._meta
    columns: list = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(c.column)} = %s" for c in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(str(meta.pk.column))} = %s"
    params = [
        [c.get_db_prep_save(getattr(row, c.attname), connection) for c in columns] + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)

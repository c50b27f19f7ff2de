"""Writing many changed rows at once, for the generators' upserts.

Django's `bulk_update` builds one `CASE WHEN pk=… THEN …` per field per batch; at thousands of
rows (one added fact shifts the order number of every card after it) that costs seconds of
query building. `rows_update` runs one prepared UPDATE for all rows instead (DB-API
`executemany`), which SQLite and PostgreSQL both execute in milliseconds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.utils import timezone

# Fields whose Python value is already what the database takes (str, int, float, bool, None):
# Django's get_db_prep_save would only convert each value to its own type again, and at a
# hundred thousand values that conversion costs more than the INSERT.
_AS_IS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.FloatField,
    models.BooleanField,
    models.ForeignKey,
)


def _values(columns: list, *, adding: bool) -> Callable[[Any], list]:
    """A function giving a row's values for `columns`, as the database takes them. A row is a
    model instance, or a dict of attribute names (`topic_id`, not `topic`) for rows that need
    no instance. The connection is looked up once (Django's `connection` is a proxy that
    looks it up on every attribute), `pre_save` is called only where it does something (an
    auto_now date), and values already of the database's type go as they are."""
    db = connections[DEFAULT_DB_ALIAS]
    now = timezone.now()
    readers = []
    for column in columns:
        dated = getattr(column, "auto_now", False) or (
            adding and getattr(column, "auto_now_add", False)
        )
        if isinstance(column, models.JSONField):
            # most lists stored are empty: that one adapted once
            empty = db.ops.adapt_json_value([], column.encoder)
            prepare = functools.partial(_json, db, column.encoder, empty)
        elif isinstance(column, _AS_IS):
            prepare = None
        else:
            prepare = functools.partial(_prepared, column.get_db_prep_save, db)
        readers.append((column.attname, dated, prepare))

    def values(row: Any) -> list:
        out = []
        as_dict = isinstance(row, dict)
        for name, dated, prepare in readers:
            if dated:
                value = now  # what pre_save would give, one instant for all rows
                if not as_dict:
                    setattr(row, name, value)
            else:
                value = row[name] if as_dict else getattr(row, name)
            out.append(value if prepare is None else prepare(value))
        return out

    return values


def _json(db, encoder, empty, value):
    if value is None:
        return None
    return empty if value == [] else db.ops.adapt_json_value(value, encoder)


def _prepared(prepare, db, value):
    return None if value is None else prepare(value, db)  # a missing date, say


def rows_update(model: type[models.Model], rows: Sequence[Any], fields: Sequence[str]):
    """Save `fields` of each of `rows` (saved instances of `model`, or dicts of attribute names
    with a "pk"), no signals, one statement."""
    if not rows:
        return
    meta = model._meta
    columns: list = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(c.column)} = %s" for c in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(str(meta.pk.column))} = %s"
    values = _values(columns, adding=False)
    params = [[*values(row), row["pk"] if isinstance(row, dict) else row.pk] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def rows_insert(model: type[models.Model], rows: Sequence[Any], fields: Sequence[str]):
    """Insert `rows` (unsaved instances of `model`, or dicts of their attribute names) with
    `fields`, no signals, one prepared INSERT for all (`executemany`): for rows nobody needs
    the primary key of afterwards.
    Django's `bulk_create` compiles one parameterised statement per batch of rows, which costs
    more than the insert itself when there are tens of thousands of them."""
    if not rows:
        return
    meta = model._meta
    columns: list = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    names = ", ".join(quote(c.column) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({marks})"
    # pre_save where Django's own inserts call it: it fills auto_now_add dates.
    values = _values(columns, adding=True)
    params = [values(row) for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def rows_keyed(queryset, keys: Sequence[str], *, chunk: int = 2000) -> list:
    """The rows of `queryset` whose `key` is one of `keys`, asked `chunk` keys at a time: a
    database bounds the parameters of one statement (SQLite to 32,766)."""
    rows: list = []
    for start in range(0, len(keys), chunk):
        rows += queryset.filter(key__in=keys[start : start + chunk])
    return rows


def rows_insert_keyed(model: type[models.Model], rows: Sequence[Any], fields: Sequence[str]):
    """`rows_insert`, then give each row its primary key, found by its unique `key` (one more
    query, for the rows inserted now only): for rows whose pk is needed next (facts, before
    their citations). A row is an unsaved instance (given `pk`, and marked saved) or a dict of
    attribute names (given a "pk" item)."""
    if not rows:
        return
    manager = model._default_manager
    # New rows get primary keys above every stored one (SQLite's rowid and PostgreSQL's
    # sequence both count up), so only those are read back.
    last = manager.aggregate(last=models.Max("pk"))["last"] or 0
    rows_insert(model, rows, fields)
    pks = dict(manager.filter(pk__gt=last).values_list("key", "pk"))
    for row in rows:
        if isinstance(row, dict):
            row["pk"] = pks[row["key"]]
            continue
        row.pk = pks[row.key]
        row._state.adding = False
        row._state.db = connection.alias

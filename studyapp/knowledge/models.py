"""The topic model: notes, topics, facts with their sources, comparisons, conflicts.

Rows are upserted by `key` (a hash of the thing's normalised identity, see studyapp/text/names.py),
so re-ingesting unchanged notes changes nothing and what hangs off a fact (cards, reviews) survives.
Facts and topics that disappear from the notes are retired, not deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class _NoteManager(models.Manager["Note"]):
    def get_queryset(self) -> models.QuerySet[Note]:
        # The cached extraction is a large blob only ingest reads (knowledge.services asks for
        # it with `defer(None)`); pages listing or showing notes never load it.
        return super().get_queryset().defer("extraction")


class Note(models.Model):
    slug = models.SlugField(max_length=200, unique=True)
    path = models.CharField(max_length=500, help_text="Path relative to the content folder.")
    title = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    encoding = models.CharField(max_length=40)
    repairs = models.JSONField(default=list)
    text = models.TextField(help_text="Clean text after the read stage.")
    ingested_at = models.DateTimeField()
    is_present = models.BooleanField(default=True)
    # The note's extraction, cached: re-ingesting unchanged notes parses nothing again.
    # `extraction_key` says which engine, file name and text made it (ingest/fingerprint.py).
    extraction_key = models.CharField(max_length=40, blank=True, editable=False)
    extraction = models.BinaryField(null=True, blank=True, editable=False)

    objects = _NoteManager()

    class Meta:
        ordering = ["title", "slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:note", args=[self.slug])


class Topic(models.Model):
    key = models.CharField(max_length=40, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    name = models.CharField(max_length=300)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    aliases = models.JSONField(default=list)
    order = models.PositiveIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:topic", args=[self.slug])


class Fact(models.Model):
    class Kind(models.TextChoices):
        STATEMENT = "statement"
        KEY_VALUE = "key_value", "key–value"
        ENUMERATION = "enumeration"
        DEFINITION = "definition"
        QA = "qa", "question–answer"

    key = models.CharField(max_length=40, unique=True)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="facts")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    subheading = models.CharField(max_length=300, blank=True)
    # A paragraph's sentence that points back ('It is contraindicated in asthma'): the
    # sentences before it that say what it points at, shown before its cards.
    lead = models.TextField(blank=True, default="")
    subject = models.CharField(max_length=300, blank=True)
    attribute = models.CharField(max_length=300, blank=True)
    value = models.TextField(blank=True)
    quantity_key = models.CharField(
        max_length=80, blank=True, help_text="Normalised value: '900-900s'."
    )
    quantity_display = models.CharField(max_length=80, blank=True)
    items = models.JSONField(default=list)
    emphasis = models.JSONField(default=list)
    order = models.PositiveIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order"]
        indexes = [models.Index(fields=["topic", "retired_at"])]

    def __str__(self) -> str:
        return self.text


class Citation(models.Model):
    """One place a fact is said: a note, under a heading, at a line."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="citations")
    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="citations")
    heading = models.CharField(max_length=500)
    line = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["note__slug", "line"]
        # Not unique on (fact, note, line): store shifts lines in place when a note is edited.
        indexes = [models.Index(fields=["fact", "note"])]

    def __str__(self) -> str:
        return f"{self.note.slug}:{self.line}"


class Comparison(models.Model):
    key = models.CharField(max_length=40, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=300)
    entities = models.JSONField(default=list)
    attributes = models.JSONField(default=list)
    # What the entities are, when the table's corner says so and they do not name themselves
    # ('Mode' over '`r+`', 'Register' over '`$5`'): shown with them in cards and questions.
    entity_kind = models.CharField(max_length=100, blank=True, default="")
    entity_topics = models.ManyToManyField(Topic, blank=True, related_name="comparisons")
    # Where a table sits in its note: the deck for the cards of entities with no topic of their
    # own ('| | Civil law | Criminal law |' under '# Civil vs criminal law').
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="home_tables"
    )
    sources = models.JSONField(
        default=list, help_text="[{note, heading, line}] of the tables merged."
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ComparisonCell(models.Model):
    key = models.CharField(max_length=40, unique=True)
    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="cells")
    attribute = models.CharField(max_length=300)
    entity = models.CharField(max_length=300)
    value = models.TextField()
    sources = models.JSONField(default=list)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.entity} / {self.attribute}: {self.value}"


class Conflict(models.Model):
    """One attribute of one topic that the notes give different values for."""

    key = models.CharField(max_length=40, unique=True)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="conflicts")
    attribute = models.CharField(max_length=300)
    facts = models.ManyToManyField(Fact, related_name="conflicts")
    values = models.JSONField(default=list)
    retired_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.topic}: {self.attribute}"


# Instructors' corrections of comparison tables: an overlay of the topic model, kept apart from the
# generated cells and keyed by the comparison's stable key and the row's name, so a correction
# survives every re-ingest and always says who made it. Applied when a table is read (tables.py).
class Correction(models.Model):
    class Kind(models.TextChoices):
        RENAME_ROW = "rename_row", "rename a row"
        ADD_ROW = "add_row", "add a row"
        DROP_ROW = "drop_row", "drop a row"
        FIX_CELL = "fix_cell", "fix a cell"

    comparison_key = models.CharField(max_length=40, db_index=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    row = models.CharField(max_length=300, help_text="The row's name as the table shows it.")
    new_name = models.CharField(max_length=300, blank=True)
    entity = models.CharField(max_length=300, blank=True)
    value = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table kept the name it had when corrections lived in the compare app.
        db_table = "compare_correction"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.row}"


class ModelStamp(models.Model):
    """Which write last changed the topic model: one row, a fresh token after every ingest's
    store and on every other save or delete of the model's rows (`knowledge.stamp`). A process
    that keeps the rows it last stored in memory (`ingest.store`) uses them only while the
    token is still the one it wrote, so an edit made behind it (another process's ingest, an
    instructor's correction, the admin) sends it back to reading the database."""

    token = models.CharField(max_length=32)

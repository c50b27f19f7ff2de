from django.contrib import admin

from .models import Citation, Comparison, ComparisonCell, Conflict, Fact, Note, Topic


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    raw_id_fields = ["note"]


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["slug", "title", "encoding", "is_present", "ingested_at"]
    search_fields = ["slug", "title"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "retired_at"]
    search_fields = ["name"]
    list_filter = ["retired_at"]


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["text", "topic", "kind", "subheading", "retired_at"]
    list_filter = ["kind", "topic"]
    search_fields = ["text", "attribute", "value"]
    inlines = [CitationInline]


class CellInline(admin.TabularInline):
    model = ComparisonCell
    extra = 0


@admin.register(Comparison)
class ComparisonAdmin(admin.ModelAdmin):
    list_display = ["title", "retired_at"]
    inlines = [CellInline]


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["topic", "attribute", "values", "retired_at"]

from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "studyapp.knowledge"
    label = "knowledge"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .models import Comparison, Conflict
        from .stamp import STAMPED, stamp_changed

        # Any write to the topic model's rows outside ingest changes its stamp (stamp.py).
        for model in STAMPED:
            uid = f"knowledge.stamp.{model._meta.label}"
            post_save.connect(stamp_changed, sender=model, dispatch_uid=f"{uid}.save")
            post_delete.connect(stamp_changed, sender=model, dispatch_uid=f"{uid}.delete")
        for through in (Comparison.entity_topics.through, Conflict.facts.through):
            uid = f"knowledge.stamp.{through._meta.label}.m2m"
            m2m_changed.connect(stamp_changed, sender=through, dispatch_uid=uid)

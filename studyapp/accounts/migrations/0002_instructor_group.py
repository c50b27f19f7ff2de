"""Create the "instructor" group holding the accounts.instructor permission."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_instructor_group(apps, schema_editor):
    # Permissions are normally created by post_migrate, i.e. after *all* migrations have run, so on
    # a fresh database the permission does not exist yet here. Create it now (idempotently).
    # AppConfigStub has no models_module, which create_permissions takes to mean "no models".
    app_config = apps.get_app_config("accounts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="accounts", codename="instructor")
    group, _ = Group.objects.get_or_create(name="instructor")
    group.permissions.add(permission)


def delete_instructor_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="instructor").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_instructor_group, delete_instructor_group),
    ]

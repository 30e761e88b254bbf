"""Existing tokens (DRF's authtoken, keys stored in clear) are hashed in place: each person's
key keeps working, is kept only as its digest, and the clear keys are deleted. They cannot be
shown again; the token page says so and offers a new one."""

import hashlib

from django.db import migrations

OLD_TABLE = "authtoken_token"


def hash_existing_tokens(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return  # a database made after the move: nothing in clear to hash
    ApiToken = apps.get_model("api", "ApiToken")
    table = schema_editor.quote_name(OLD_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id, created FROM {table}")
        rows = cursor.fetchall()
    for key, user_id, created in rows:
        token = ApiToken.objects.create(
            user_id=user_id, digest=hashlib.sha256(key.encode()).hexdigest(), prefix=key[:6]
        )
        ApiToken.objects.filter(pk=token.pk).update(created=created)  # keep the date made
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [migrations.RunPython(hash_existing_tokens, migrations.RunPython.noop)]

"""On PostgreSQL the database itself refuses edits and deletes of audit events.

Only the nulling of a foreign key (when a user, person or partner row is removed, as anonymisation
does) is let through; every other UPDATE and every DELETE raises.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION audit_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit events are append-only';
    END IF;
    IF (NEW.id, NEW.at, NEW.actor_label, NEW.action, NEW.object_type, NEW.object_id, NEW.fields,
        NEW.ip_address, NEW.user_agent)
       IS DISTINCT FROM
       (OLD.id, OLD.at, OLD.actor_label, OLD.action, OLD.object_type, OLD.object_id, OLD.fields,
        OLD.ip_address, OLD.user_agent)
       OR (NEW.actor_id IS NOT NULL AND NEW.actor_id IS DISTINCT FROM OLD.actor_id)
       OR (NEW.person_id IS NOT NULL AND NEW.person_id IS DISTINCT FROM OLD.person_id)
       OR (NEW.partner_id IS NOT NULL AND NEW.partner_id IS DISTINCT FROM OLD.partner_id) THEN
        RAISE EXCEPTION 'audit events are append-only';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditevent_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_initial")]
    operations = [migrations.RunPython(forward, backward)]

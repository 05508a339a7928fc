"""The audit log becomes tamper-evident (decision 0061).

- Every event gets `prev_hash` and `hash` (polku.audit.chain); the events already in the log are chained
  here, in time order.
- `at` is set by audit_record instead of by `auto_now_add`: it is hashed, so it is known before the INSERT.
- On PostgreSQL the append-only trigger also keeps the two hash columns fixed, refuses an INSERT whose time
  is more than five minutes away from the database's clock (a backdated event), and a statement trigger
  refuses TRUNCATE. Only a session that first sets `polku.audit_truncate = 'allowed'` may empty the table
  (the test suite does, to empty its test database between tests).
"""

from django.db import migrations, models

from polku.audit.chain import CHAINED_FIELDS, GENESIS, digest

FORWARD = """
CREATE OR REPLACE FUNCTION audit_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.at < clock_timestamp() - interval '5 minutes'
           OR NEW.at > clock_timestamp() + interval '5 minutes' THEN
            RAISE EXCEPTION 'audit events are append-only: an event is written at the time it happens';
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit events are append-only';
    END IF;
    IF (NEW.id, NEW.at, NEW.actor_label, NEW.action, NEW.object_type, NEW.object_id, NEW.fields,
        NEW.ip_address, NEW.user_agent, NEW.prev_hash, NEW.hash)
       IS DISTINCT FROM
       (OLD.id, OLD.at, OLD.actor_label, OLD.action, OLD.object_type, OLD.object_id, OLD.fields,
        OLD.ip_address, OLD.user_agent, OLD.prev_hash, OLD.hash)
       OR (NEW.actor_id IS NOT NULL AND NEW.actor_id IS DISTINCT FROM OLD.actor_id)
       OR (NEW.person_id IS NOT NULL AND NEW.person_id IS DISTINCT FROM OLD.person_id)
       OR (NEW.partner_id IS NOT NULL AND NEW.partner_id IS DISTINCT FROM OLD.partner_id) THEN
        RAISE EXCEPTION 'audit events are append-only';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent;
CREATE TRIGGER audit_auditevent_append_only
    BEFORE INSERT OR UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();

CREATE OR REPLACE FUNCTION audit_auditevent_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('polku.audit_truncate', true) = 'allowed' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: TRUNCATE is refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditevent_no_truncate
    BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_no_truncate();
"""

# The trigger of 0003, as it was.
BACKWARD = """
DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_no_truncate();
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
DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent;
CREATE TRIGGER audit_auditevent_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
"""


def chain_existing_events(apps, schema_editor):
    """Chain the events already in the log, oldest first (the 0003 trigger lets the new columns be set)."""
    AuditEvent = apps.get_model("audit", "AuditEvent")
    manager = AuditEvent.objects.db_manager(schema_editor.connection.alias)
    events = manager.order_by("at", "id")
    prev = GENESIS
    batch = []
    for event in events.iterator(chunk_size=2000):
        event.prev_hash = prev
        event.hash = prev = digest(prev, {name: getattr(event, name) for name in CHAINED_FIELDS})
        batch.append(event)
        if len(batch) == 2000:
            manager.bulk_update(batch, ["prev_hash", "hash"])
            batch = []
    if batch:
        manager.bulk_update(batch, ["prev_hash", "hash"])


def triggers_forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def triggers_backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_append_only_trigger")]
    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="at",
            field=models.DateTimeField(db_index=True, verbose_name="when"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing_events, migrations.RunPython.noop),
        migrations.RunPython(triggers_forward, triggers_backward),
    ]

"""Alembic environment of the office: always run on the connection that office.migrate
hands over (inside the transaction that OfficeDB.open holds)."""

from __future__ import annotations

from alembic import context

from office.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the office migrations through office.migrate: it passes a connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()

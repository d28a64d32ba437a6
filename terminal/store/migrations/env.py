"""Alembic environment: always run on the connection handed over by terminal.store.migrate."""

from __future__ import annotations

from alembic import context

from terminal.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through terminal.store.migrate (it passes a connection)")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

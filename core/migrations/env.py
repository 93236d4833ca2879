"""Alembic environment: runs on the connection that core.db hands over (no alembic.ini)."""

from typing import Any, Literal

from alembic import context

from core.models import Base, UTCDateTime


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Write UTCDateTime as the plain column type it stores, so migrations never import models."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()

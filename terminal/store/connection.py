"""A connection inside one of the cache's transactions, as code outside the store names
it (``Database.read()`` / ``write()`` hand one out).

The print queue adds a receipt in the caller's transaction with one, and the set-up of a
cache (the demo fill, adding staff) runs on one. That it is SQLAlchemy's is the store's
business: nothing outside ``terminal.store`` imports SQLAlchemy.
"""

from __future__ import annotations

from typing import TypeAlias

import sqlalchemy

#: A connection inside a transaction of the cache.
Connection: TypeAlias = sqlalchemy.Connection

"""Shared foundation of Bangfu: database, money, identifiers, settings. Never imports Qt."""

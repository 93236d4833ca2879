"""Rendering: PDFs and workbooks made from plain data that the services build (never a session).
Above the ledger in the layers: reports may read orders', catalog's and core's data types."""

"""The registry: suppliers, certified products, households and linkages. Never imports Qt."""

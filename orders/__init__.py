"""Sales, refunds and revenue attribution. Never imports Qt."""

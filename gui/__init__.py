"""The desktop window. Thin: every action calls a service in catalog/ or orders/."""

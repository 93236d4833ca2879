"""The command line (SPEC §8): ``python main.py [--db URL] COMMAND …``."""

"""Bangfu's data files (fonts, translations, label templates, region names, the style sheet),
shipped inside the package so an installed program finds them (core.paths.RESOURCES)."""

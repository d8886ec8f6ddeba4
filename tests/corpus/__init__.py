"""Corpus tests: newsclean over the shared ScrapingHub corpus (skipped where it is absent)."""

"""pytest plugin registered under ``pytest11`` (filled in by the testing work; imports nothing heavy)."""

"""Unit tests of the default stages, one module per stage."""

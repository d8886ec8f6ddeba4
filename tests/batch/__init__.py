"""Tests of batch cleaning (``newsclean.batch``, ``newsclean.dask``, ``newsclean batch``)."""

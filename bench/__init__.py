"""Benchmark scripts: each prints its figures (`python bench/<name>.py`)."""

"""Readers turn files on disk (claims YAML, citation libraries) into checked data."""

"""Stored queries: the catalogue, running them on a file, a store or an endpoint, and their output formats."""

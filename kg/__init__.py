"""A knowledge graph of cell-therapy trials: documents -> records -> triples -> shapes -> queries."""

__version__ = "0.1.0"
__all__ = ["__version__"]

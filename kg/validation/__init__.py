"""Graphs -> SHACL report: the reference engine (pyshacl), the compiled engine (shapes as SPARQL on Oxigraph)
and the report both give.
"""

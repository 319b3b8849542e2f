"""Shapes -> SPARQL: the SHACL shapes compiled to queries the Oxigraph engine runs, and the value checks it
judges as pyshacl does.
"""

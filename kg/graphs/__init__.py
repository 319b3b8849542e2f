"""Graph files and stores: reading and writing RDF files, the on-disk Oxigraph store, its server, and loading
remote stores.
"""

"""The normalised trial record, its identifiers, vocabularies, namespaces and text helpers: what every stage
shares. Imports nothing above it.
"""

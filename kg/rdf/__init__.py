"""Records -> triples: the mapping under the ontology, the IRIs it mints, and the N-Triples text it writes."""

"""Records -> triples: the mapping under the ontology, the IRIs it mints, and the N-Triples and Turtle text it writes."""

"""Parsing shared by the layouts: sections, labels, cues, fields, arms, criteria and outcomes."""

"""Importers: what a territory already has becomes data files that ``check`` reads.

A spreadsheet of an existing directory (``table``), an association's calendar (``ics``),
published data·inclusion files (``inclusion``) and an HSDS 3.0 package (``hsds``) each give
*Records*: the fields of one data file, in the order a person would write them, with what was
normalised and what is left to decide (``decisions.placeholder``). ``writing`` turns records
into YAML files that look hand-written and never overwrites one without ``--update``;
``report`` prints and writes the table of what each row or event became. Values are
normalised by the models' own rules (phones, opening hours, vocabularies), never by a copy.
"""

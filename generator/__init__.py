"""Maillage: a territory's social-action network, published from YAML files.

A *Dataset* of Actors, Places, Events, Circuits (with Stops) and Notices is loaded from
``data/`` (``loading``, with ``yamlread`` keeping every value's position) and checked, file by
file against the ``models`` and across files by ``checks``; every mistake is a located
``Problem`` (``errors``) worded by ``messages``. The ``schedule`` turns each event and each
circuit stop into a Series and its Occurrences — the one expansion every output uses. Pages,
feeds, leaflets, open-data exports, the observatory and its yearly reports are rendered from
the Dataset and the same Occurrences (``outputs``; the observatory's figures are computed by
``indicators``); the site adapter (``site``) hands the pages to MkDocs; ``build`` runs the
pipeline and publishes the result in one rename, and ``serve`` rebuilds only what changed
for the preview. ``__main__`` is the command line.
"""

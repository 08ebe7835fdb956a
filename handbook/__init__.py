"""The handbook's data layer: YAML files → validated models → HTML blocks.

Nothing in this package imports MkDocs; ``hooks/`` glues it into the build.
"""

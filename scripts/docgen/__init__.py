"""The generated part of the documentation site (docs/): reference pages read from the code, and the
tutorial's outputs taken from real runs. ``scripts/gen_docs.py`` writes them; ``--check`` fails on drift.
"""

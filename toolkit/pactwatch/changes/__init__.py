"""What a change to the contracts means: the semantic diff, the pull-request comment, the announcements after a merge.

    pairs = revisions.compare_pairs(root, base, head, currency)   # effects: git, the strict loader
    found = semantic.diff(pairs)                                    # pure: records in, Change records out
    render.markdown(found, language, settings, people)             # words at output time (catalogue ``changes.*``)

``comment`` builds and keeps the one pull-request comment (found by a marker); ``announce`` plans who hears
of which change after a merge, and sends it through the channels of pactwatch.notify.
"""

from __future__ import annotations

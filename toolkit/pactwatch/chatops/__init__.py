"""ChatOps on the alert issues: a ``/done``, ``/ack``, ``/reschedule`` or ``/waive`` comment becomes a reviewed pull request.

``event`` reads a GitHub ``issue_comment`` or ``issues`` payload (pure), ``command`` parses the comment (pure),
``authorise`` says who may change a milestone, ``gitops`` commits and pushes a branch, ``run`` puts them together
against the REST API (pactwatch.github.client) and replies on the issue.
"""

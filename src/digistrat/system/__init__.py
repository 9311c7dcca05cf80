"""The system view: an integrated care system checked and published over its members'
repositories (see docs/system.md).

:mod:`.model` reads system.yaml's format, :mod:`.members` finds each member's folder (fetching
git members with :mod:`.fetch`), :mod:`.check` checks every member and runs the system rules
(:mod:`.rules`) over the members' summaries (:mod:`.summary`).
"""

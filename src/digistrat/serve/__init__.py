"""``digistrat serve``: a live preview of the published site while the strategy is edited.

:mod:`.affected` works out which pages an edit changes (pure); :mod:`.preview` renders them
into a private folder and keeps the last good pages when an edit cannot be read; :mod:`.server`
serves that folder on this computer, with a reload script and a findings page added to what
it sends (never to the files); :mod:`.watch` turns the watcher's file events into rebuilds.
"""

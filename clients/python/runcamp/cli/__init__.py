"""The ``runcamp`` command line: ``main.py`` holds the root group and ``main()``, every other
module one group of commands (``read``: repos/ls/show/summary, ``runs``: runs close/rm,
``sync``, ``export``: export/import, ``aim``: import-aim), ``common.py`` what they share.

Imports nothing, so a command module can import ``common`` without loading the others."""

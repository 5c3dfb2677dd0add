"""``python -m claimgraph``: the same as the ``claimgraph`` command."""

import sys

from .cli import main

sys.exit(main())

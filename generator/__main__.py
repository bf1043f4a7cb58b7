"""`python -m generator` runs the `explainer` command."""

import sys

from .cli import main

sys.exit(main())

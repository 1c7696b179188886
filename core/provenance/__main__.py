"""``python -m core.provenance verify FILE [--ca PEM]``."""

import sys

from core.provenance.verify import main

sys.exit(main())

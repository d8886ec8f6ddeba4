"""``python -m newsclean``: the command line."""

import sys

from newsclean.cli import main

if __name__ == "__main__":
    sys.exit(main())

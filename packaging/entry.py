"""Entry point of the frozen bundle: the same `briefing` command as the installed wheel's script."""

import sys

from briefing.cli import main

if __name__ == "__main__":
    sys.exit(main())

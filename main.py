"""Start Annotator: ``python main.py [PROJECT.annot]`` (no argument: the demo project)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())

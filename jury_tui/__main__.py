import sys

from jury_tui.cli import main

sys.exit(main())

"""`python -m sqdesk` opens the app, like the `sqdesk` command."""

import sys

from sqdesk.app import main

sys.exit(main())

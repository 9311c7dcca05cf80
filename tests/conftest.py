from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# Compiled templates go to a folder of this test run's own (inherited by the commands the
# tests start), never to the user's cache; tests of the cache itself choose their own.
os.environ["DIGISTRAT_CACHE_DIR"] = tempfile.mkdtemp(prefix="digistrat-test-cache-")

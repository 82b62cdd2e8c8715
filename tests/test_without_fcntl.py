"""Any laptop (issue 12, class 13): the store and the CLI work where there is no `fcntl`.

Most jurors run Windows, where Python has no `fcntl`; filelock then locks with msvcrt. CI runs on
Linux, so this runs the store and CLI tests once more in a Python where `import fcntl` fails
(a sitecustomize puts None in its place in sys.modules): any module importing it unconditionally
breaks them, and the locks run on filelock's portable lock (a marker file naming its process).
What this cannot show is the real Windows and macOS: .ci/run says so.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK_FCNTL = 'import sys\nsys.modules["fcntl"] = None  # `import fcntl` raises ImportError, as on Windows\n'


def _python_without_fcntl(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCK_FCNTL, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]), "PYTHONDONTWRITEBYTECODE": "1"}


def test_no_module_needs_fcntl_and_the_locks_fall_back(tmp_path):
    env = _python_without_fcntl(tmp_path)
    code = (
        "import importlib, pkgutil, jury_tui\n"
        "for module in pkgutil.walk_packages(jury_tui.__path__, 'jury_tui.'):\n"
        "    if module.name != 'jury_tui.__main__':  # that one runs the command\n"
        "        importlib.import_module(module.name)\n"
        "import filelock\n"
        "assert filelock.FileLock is filelock.SoftFileLock, filelock.FileLock\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "ok", "")


def test_store_and_cli_tests_pass_without_fcntl(tmp_path):
    env = _python_without_fcntl(tmp_path)
    tests = ["tests/test_store.py", "tests/test_cli.py", "tests/adversarial/test_transactions.py"]
    parallel = ["-n", "2"] if importlib.util.find_spec("xdist") else []  # pytest-xdist is not a test dependency
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *parallel, *tests],
        env=env, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and " failed" not in done.stdout

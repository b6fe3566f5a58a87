from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_stand_in_imports_the_module_when_first_used_and_later_imports_get_the_real_one() -> None:
    # a fresh process, where colorsys (used by nothing else) is not loaded yet; after the block it is not loaded
    # either, until the stand-in is used or the module imported again
    script = (
        "import sys; from briefing.core.lazy_modules import stand_ins\n"
        "with stand_ins('colorsys'):\n"
        "    import colorsys as early\n"
        "print('colorsys' in sys.modules, type(early).__name__)\n"
        "import colorsys\n"
        "print(type(colorsys).__name__, early.rgb_to_hsv(1, 0, 0) == colorsys.rgb_to_hsv(1, 0, 0))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stdout.split() == ["False", "ModuleOnFirstUse", "module", "True"], done.stderr


def test_a_module_already_loaded_is_left_as_it_is() -> None:
    import json

    from briefing.core.lazy_modules import stand_ins

    with stand_ins("json"):
        assert sys.modules["json"] is json
    assert sys.modules["json"] is json


def test_a_name_given_to_the_stand_in_is_taken_without_importing_the_module() -> None:
    # `from colorsys import hsv_to_rgb` takes the given function and leaves colorsys unloaded; its other names still
    # import it
    script = (
        "import sys; from briefing.core.lazy_modules import stand_ins\n"
        "with stand_ins('colorsys', given={'hsv_to_rgb': len}):\n"
        "    from colorsys import hsv_to_rgb\n"
        "    import colorsys as early\n"
        "print(hsv_to_rgb is len, 'colorsys' in sys.modules)\n"
        "print(early.rgb_to_hsv(1, 0, 0) == (0.0, 1.0, 1.0), type(sys.modules['colorsys']).__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stdout.split() == ["True", "False", "True", "module"], done.stderr


def test_web_addresses_with_an_ip_host_are_still_checked() -> None:
    # briefing/__init__.py leaves urllib.parse's ipaddress unloaded; a bracketed host loads it and is checked as before
    script = (
        "import briefing, sys, urllib.parse\n"
        "print('ipaddress' in sys.modules, urllib.parse.urlsplit('http://[::1]:8080/a').hostname)\n"
        "try:\n    urllib.parse.urlsplit('http://[not-an-ip]/')\nexcept ValueError:\n    print('refused')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stdout.split() == ["False", "::1", "refused"], done.stderr

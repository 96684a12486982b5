"""AppContext's services are typed for the type checker, yet their modules still load on first use:
importing the context (what the desktop app and every command do first) imports none of them."""

import json
import subprocess
import sys

from selfreview.services.context import AppContext

SERVICES = {
    "profiles": "selfreview.services.profiles", "reviews": "selfreview.services.reviews",
    "cells": "selfreview.services.cells", "reports": "selfreview.services.reporting",
    "exchange": "selfreview.services.exchange", "roster": "selfreview.services.roster",
    "rollcall": "selfreview.services.rollcall", "assessments": "selfreview.services.assessment",
    "collective": "selfreview.services.collective", "meetings": "selfreview.services.meeting",
    "results": "selfreview.services.committee.cell", "committee": "selfreview.services.committee.service",
}


def modules_after(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
                          capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_importing_the_context_imports_no_service_module():
    loaded = modules_after("import selfreview.services.context")
    assert "selfreview.services.context" in loaded
    assert sorted(set(SERVICES.values()) & loaded) == []
    assert sorted(m for m in loaded if m.split(".")[0] in ("reportlab", "docx", "openpyxl", "cryptography")) == []


def test_each_service_is_made_once_on_first_use(tmp_path):
    ctx = AppContext.open(tmp_path / "data", daily_backup=False)
    try:
        for name, module in SERVICES.items():
            service = getattr(ctx, name)
            assert type(service).__module__ == module
            assert getattr(ctx, name) is service
            assert service.ctx is ctx
    finally:
        ctx.close()

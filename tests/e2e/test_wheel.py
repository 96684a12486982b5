"""The built wheel carries resources/: installed into a fresh virtual environment, the
``selfreview`` command lists and checks every bundled form from there."""

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, text=True)
    (path,) = out.glob("selfreview-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with only the wheel installed; its dependencies are borrowed from the test
    environment through a .pth line (offline and fast), never the checkout itself."""
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index",
                    "--quiet", str(wheel)], check=True, capture_output=True, text=True)
    return env_dir


def run_installed(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SELFREVIEW_DATA_DIR")}
    return subprocess.run([str(env_dir / "bin" / "selfreview"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_wheel_contains_resources(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "selfreview/resources/forms/hd43-2025-2b.yaml" in names
    assert "selfreview/resources/fonts/LiberationSerif-Regular.ttf" in names
    assert "selfreview/resources/fonts/LICENSE-OFL-1.1.txt" in names
    for fallback in ("NotoSansSymbols2-Regular.ttf", "LICENSE-Noto-OFL-1.1.txt", "DejaVuSans.ttf", "LICENSE-DejaVu.txt"):
        assert f"selfreview/resources/fonts/{fallback}" in names  # the report fonts' fallbacks and their licences
    assert any(n.startswith("selfreview/db/migrations/versions/") for n in names)


def test_installed_command_lists_and_checks_every_bundled_form(installed, tmp_path):
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import selfreview, selfreview.paths as p; print(selfreview.__file__); "
                            "print(p.forms_dir())"], cwd=tmp_path, capture_output=True, text=True, check=True)
    module_file, forms = where.stdout.split()
    assert str(installed) in module_file and str(ROOT) not in module_file
    assert forms.startswith(str(installed))

    listed = run_installed(installed, "forms", "list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    for form_id in ("hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c", "responsibility-selfcheck-2025"):
        assert form_id in listed.stdout
    for code in ("Mẫu 02A-HD KĐ.ĐG 2025", "Mẫu 02B-HD KĐ.ĐG 2025", "Mẫu 02C-HD KĐ.ĐG 2025"):
        assert code in listed.stdout

    files = sorted(Path(forms).glob("*.yaml"))
    assert len(files) >= 4
    checked = run_installed(installed, "forms", "check", "--lang", "en", *map(str, files), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.count("ok: ") == len(files)

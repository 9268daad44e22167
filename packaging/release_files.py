"""Checksums (SHA-256) and a CycloneDX 1.5 SBOM beside each build artefact in dist/.

    uv run python packaging/release_files.py [DIST]

For each artefact found — the bundle folder `lineside/`, `lineside_*.deb`,
`lineside-setup-*.exe` — it writes:
- `<artefact>.sha256`: `sha256sum -c` format (for the bundle: one line per file);
- `<artefact>.cdx.json`: the components inside: LineSide itself, the Python runtime,
  every locked runtime package (name, version, licence from its metadata, PyPI purl)
  and, for the bundle, the shared libraries it carries that do not come from a wheel.
and `SHA256SUMS` over all artefacts. Dependencies are read from `uv export` (the lock,
no dev packages), so the SBOM lists what the bundle was built from.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "0+unknown"


def locked_packages() -> list[tuple[str, str]]:
    out = subprocess.run(["uv", "export", "--frozen", "--no-dev", "--no-emit-project",
                          "--no-hashes", "--no-annotate", "--no-header"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    pkgs = []
    for line in out.splitlines():
        line = line.split(";")[0].strip()
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pkgs.append((name.strip(), version.strip()))
    return pkgs


def licence_of(name: str) -> dict[str, Any] | None:
    try:
        meta = metadata.metadata(name)
    except metadata.PackageNotFoundError:
        return None
    expr = (meta.get_all("License-Expression") or [None])[0]
    if expr:
        return {"expression": expr}
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.split(" :: ")[-1] != "OSI Approved"]
    text = ((meta.get_all("License") or [""])[0] or "").strip()
    if classifiers:
        return {"license": {"name": classifiers[0]}}
    if text and len(text) < 100:
        return {"license": {"name": text}}
    return None


def python_component() -> dict[str, Any]:
    v = platform.python_version()
    return {"type": "application", "name": "cpython", "version": v,
            "purl": f"pkg:generic/python@{v}",
            "licenses": [{"license": {"id": "PSF-2.0"}}]}


def package_components() -> list[dict[str, Any]]:
    comps = []
    for name, version in locked_packages():
        c: dict[str, Any] = {"type": "library", "name": name, "version": version,
                             "purl": f"pkg:pypi/{name.lower().replace('_', '-')}@{version}",
                             "bom-ref": f"pkg:pypi/{name.lower()}@{version}"}
        lic = licence_of(name)
        if lic:
            c["licenses"] = [lic]
        comps.append(c)
    return comps


def bundled_system_libraries(bundle: Path) -> list[dict[str, Any]]:
    """Shared libraries at the top of _internal/ that no wheel brought (the stdlib's
    own: OpenSSL, SQLite, libffi, ...), with their hashes."""
    internal = bundle / "_internal"
    comps = []
    for so in sorted(internal.glob("lib*.so*")):
        if so.is_symlink() or not so.is_file():
            continue
        comps.append({"type": "library", "name": so.name, "scope": "required",
                      "hashes": [{"alg": "SHA-256", "content": sha256(so)}]})
    return comps


def sbom(artefact: Path, components: list[dict[str, Any]], digest: str | None) -> dict:
    version = project_version()
    main: dict[str, Any] = {"type": "application", "name": "lineside", "version": version,
                            "bom-ref": "lineside", "purl": f"pkg:generic/lineside@{version}"}
    if digest:
        main["hashes"] = [{"alg": "SHA-256", "content": digest}]
    return {
        "bomFormat": "CycloneDX", "specVersion": "1.5",
        "serialNumber": f"urn:uuid:{uuid.uuid4()}", "version": 1,
        "metadata": {
            "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tools": {"components": [{"type": "application", "name": "release_files.py",
                                      "version": version}]},
            "component": main,
            "properties": [{"name": "artefact", "value": artefact.name}],
        },
        "components": components,
        "dependencies": [{"ref": "lineside",
                          "dependsOn": [c["bom-ref"] for c in components if "bom-ref" in c]}],
    }


def write_bundle(bundle: Path) -> list[str]:
    lines = []
    for f in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()):
        lines.append(f"{sha256(f)}  {f.relative_to(bundle.parent).as_posix()}")
    (bundle.parent / f"{bundle.name}.sha256").write_text("\n".join(lines) + "\n")
    comps = [python_component(), *package_components(), *bundled_system_libraries(bundle)]
    (bundle.parent / f"{bundle.name}.cdx.json").write_text(
        json.dumps(sbom(bundle, comps, None), indent=1) + "\n")
    return [f"{bundle.name}.sha256", f"{bundle.name}.cdx.json"]


def write_file(artefact: Path) -> str:
    digest = sha256(artefact)
    (artefact.parent / f"{artefact.name}.sha256").write_text(f"{digest}  {artefact.name}\n")
    comps = [python_component(), *package_components()]
    (artefact.parent / f"{artefact.name}.cdx.json").write_text(
        json.dumps(sbom(artefact, comps, digest), indent=1) + "\n")
    return digest


def main(argv: list[str]) -> int:
    dist = Path(argv[1]) if len(argv) > 1 else ROOT / "dist"
    sums = []
    bundle = dist / "lineside"
    if (bundle / "_internal").is_dir():
        written = write_bundle(bundle)
        print(f"{bundle}: {', '.join(written)}")
    for artefact in sorted([*dist.glob("lineside_*.deb"), *dist.glob("lineside-setup-*.exe")]):
        digest = write_file(artefact)
        sums.append(f"{digest}  {artefact.name}")
        print(f"{artefact.name}: sha256 {digest[:16]}..., {artefact.name}.cdx.json")
    if sums:
        (dist / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""`lineside suppliers` and `lineside risks` on a real store and the demo site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli, paths
from app.store import Store
from tests.registers.test_registers_rules import CSV


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_export_and_outbox(tmp_path: Path, capsys) -> None:
    store = tmp_path / "t.db"
    good = tmp_path / "erp.csv"
    good.write_text(CSV, encoding="utf-8")
    common = ("--site", str(paths.DEMO_SITE), "--store", str(store))
    code, out, _ = run(capsys, "suppliers", "import", str(good), *common)
    assert code == 0 and "2 suppliers imported" in out
    code, out, _ = run(capsys, "suppliers", "list", "--json", *common)
    doc = json.loads(out)
    assert [s["id"] for s in doc["suppliers"]] == ["acme", "glasco"]
    assert "score_formula" in doc and doc["suppliers"][0]["certificates_status"]
    code, out, _ = run(capsys, "suppliers", "export", *common)
    assert out.splitlines()[0].startswith("supplier_id,name")
    with Store(store, terminal_id="x") as s, s.read() as conn:
        topics = [t for (t,) in conn.execute("SELECT topic FROM outbox")]
    assert sorted(topics) == ["demo/registers/supplier/acme", "demo/registers/supplier/glasco"]


def test_a_broken_file_imports_nothing_and_says_where(tmp_path: Path, capsys) -> None:
    store = tmp_path / "t.db"
    bad = tmp_path / "erp.csv"
    bad.write_text(CSV.replace("2026-12-20", "soon"), encoding="utf-8")
    common = ("--site", str(paths.DEMO_SITE), "--store", str(store))
    code, _out, err = run(capsys, "suppliers", "import", str(bad), *common)
    assert code == 2
    assert "row 3, column cert_valid_to" in err and "nothing was imported" in err
    code, out, _ = run(capsys, "suppliers", "list", "--json", *common)
    assert json.loads(out)["suppliers"] == []
    code, out, _ = run(capsys, "risks", "list", "--json", *common)
    assert code == 0 and json.loads(out)["risks"] == []

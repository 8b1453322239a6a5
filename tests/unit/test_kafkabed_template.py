"""Templates of the Kafka test bed: built once per configuration, copied with new ports, never half or from an unclean stop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.kafkabed import principals, template


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WELKOM_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Bouwer:
    """Stands in for a fresh bed started and stopped in the build dir; counts how often it ran."""

    def __init__(self, netjes: bool = True) -> None:
        self.keer = 0
        self.netjes = netjes

    def __call__(self, map_: Path) -> bool:
        self.keer += 1
        (map_ / "bed.json").write_text(json.dumps({"nodes": 1, "cluster_id": "c", "poorten": [{"client": 1}]}))
        (map_ / "data-1").mkdir()
        (map_ / "data-1" / "meta.properties").write_text("node.id=1\n")
        (map_ / "node-1.log").write_text("the build's log\n")
        (map_ / "admin.properties").write_text("password of the build\n")
        return self.netjes


def test_the_first_fresh_bed_builds_the_template_and_the_next_ones_only_copy_it(tmp_path: Path) -> None:
    bouw = Bouwer()
    for i, poort in enumerate((1001, 2002)):
        werkmap = tmp_path / f"bed{i}"
        assert template.kopieer("1n-6p-x", werkmap, lambda p=poort: [{"client": p}], bouw)
        assert json.loads((werkmap / "bed.json").read_text())["poorten"] == [{"client": poort}]
        assert (werkmap / "data-1" / "meta.properties").read_text() == "node.id=1\n"
        assert not (werkmap / "node-1.log").exists() and not (werkmap / "admin.properties").exists()
    assert bouw.keer == 1
    assert [p.name for p in template.thuis().iterdir()] == ["1n-6p-x"], "no build dir left behind"


def test_a_build_whose_nodes_did_not_stop_cleanly_leaves_no_template(tmp_path: Path) -> None:
    assert not template.kopieer("1n-6p-x", tmp_path / "bed", lambda: [], Bouwer(netjes=False))
    assert list(template.thuis().iterdir()) == []


def test_a_failed_build_leaves_nothing_behind(tmp_path: Path) -> None:
    def kapot(map_: Path) -> bool:
        (map_ / "half").write_text("x")
        raise RuntimeError("node 1 stopped")

    with pytest.raises(RuntimeError):
        template.kopieer("1n-6p-x", tmp_path / "bed", lambda: [], kapot)
    assert list(template.thuis().iterdir()) == []


def test_the_key_changes_with_the_shape_and_with_the_acl_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    een = template.sleutel(1, 6, 1, 1)
    assert een.startswith("1n-6p-") and een == template.sleutel(1, 6, 1, 1)
    assert template.sleutel(3, 6, 3, 2) != een and template.sleutel(1, 2, 1, 1) != een
    monkeypatch.setattr(principals, "acls_tekst", lambda: "welkom_opvang READ topic keten.nieuw\n")
    assert template.sleutel(1, 6, 1, 1) != een


def test_templates_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert template.aan()
    monkeypatch.setenv("WELKOM_KAFKABED_TEMPLATE", "0")
    assert not template.aan()

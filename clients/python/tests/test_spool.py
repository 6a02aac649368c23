"""The spool on its own: atomic files in order, locking, the format."""

from __future__ import annotations

import os

from runcamp._delivery.spool import RunSpool, SpooledRequest, default_spool_dir, iter_run_dirs


def test_files_are_written_atomically_and_read_back_in_order(tmp_path):
    spool = RunSpool(tmp_path, "cifar", "run1")
    bodies = [f'{{"points":[{{"name":"x","step":{i},"value":1}}]}}' for i in range(5)]
    for body in bodies:
        spool.write(SpooledRequest("http://h:1", "POST", "/v1/repos/cifar/runs/run1/metrics", body, "points", 1))
    files = spool.files()
    assert [SpooledRequest.from_file(f).body for f in files] == bodies
    assert not [p for p in spool.dir.iterdir() if p.name.endswith(".tmp")]
    back = SpooledRequest.from_file(files[0])
    assert (back.url, back.method, back.path, back.kind, back.points) == ("http://h:1", "POST", "/v1/repos/cifar/runs/run1/metrics", "points", 1)
    assert list(iter_run_dirs(tmp_path)) == [("cifar", "run1")]


def test_a_run_directory_has_one_owner_and_is_removed_when_empty(tmp_path):
    owner = RunSpool(tmp_path, "cifar", "run1")
    owner.write(SpooledRequest("http://h:1", "PATCH", "/x", "{}"))
    other = RunSpool(tmp_path, "cifar", "run1")
    assert not other.acquire()  # the owner is alive
    for f in owner.files():
        os.unlink(f)
    owner.release()
    assert not (tmp_path / "cifar").exists()
    assert other.acquire()
    other.release()


def test_the_spool_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RUNCAMP_SPOOL_DIR", str(tmp_path / "s"))
    assert default_spool_dir() == tmp_path / "s"
    monkeypatch.delenv("RUNCAMP_SPOOL_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_spool_dir() == tmp_path / "cache" / "runcamp" / "spool"

"""System metrics: psutil's series, and NVML's per GPU with a fake pynvml (and none without
pynvml or without a GPU)."""

from __future__ import annotations

import sys
import time
import types

import pytest

import runcamp
from runcamp._delivery.sync import series_key_text
from runcamp._system import SystemSampler


class FakeNvml(types.ModuleType):
    """pynvml with two GPUs; the second has no power sensor. With limit_error, no GPU tells its power limit."""

    NVML_TEMPERATURE_GPU = 0

    def __init__(self, init_error: bool = False, limit_error: bool = False) -> None:
        super().__init__("pynvml")
        self.init_error = init_error
        self.limit_error = limit_error
        self.shutdown = False

    def nvmlInit(self):
        if self.init_error:
            raise RuntimeError("NVML Shared Library Not Found")

    def nvmlShutdown(self):
        self.shutdown = True

    def nvmlDeviceGetCount(self):
        return 2

    def nvmlDeviceGetHandleByIndex(self, i):
        return f"gpu{i}"

    def nvmlDeviceGetUtilizationRates(self, h):
        return types.SimpleNamespace(gpu=42 if h == "gpu0" else 7, memory=3)

    def nvmlDeviceGetMemoryInfo(self, h):
        return types.SimpleNamespace(used=2 * 2**30, total=8 * 2**30, free=6 * 2**30)

    def nvmlDeviceGetTemperature(self, h, sensor):
        assert sensor == 0
        return 61

    def nvmlDeviceGetPowerUsage(self, h):
        if h == "gpu1":
            raise RuntimeError("Not Supported")
        return 123_456  # milliwatts

    def nvmlDeviceGetEnforcedPowerLimit(self, h):
        if self.limit_error:
            raise RuntimeError("Not Supported")
        return 250_000  # milliwatts


def _sample(times: int = 2) -> list:
    got: list = []
    sampler = SystemSampler(lambda value, name, context: got.append((name, context, value)), interval=60)
    sampler._setup()
    for _ in range(times):
        sampler.sample()
    if sampler._gpus is not None:
        sampler._gpus.close()
    return got


def test_gpus_are_sampled_per_device_with_a_gpu_context(monkeypatch):
    fake = FakeNvml()
    monkeypatch.setitem(sys.modules, "pynvml", fake)
    got = _sample()
    gpu = [(n, c, v) for n, c, v in got if n.startswith("system/gpu_")]
    first = gpu[: len(gpu) // 2]
    assert first == [
        ("system/gpu_utilization_percent", {"gpu": "0"}, 42.0),
        ("system/gpu_memory_used_bytes", {"gpu": "0"}, float(2 * 2**30)),
        ("system/gpu_memory_percent", {"gpu": "0"}, 25.0),
        ("system/gpu_temperature_c", {"gpu": "0"}, 61.0),
        ("system/gpu_power_w", {"gpu": "0"}, 123.456),
        ("system/gpu_power_percent", {"gpu": "0"}, pytest.approx(49.3824)),
        ("system/gpu_utilization_percent", {"gpu": "1"}, 7.0),
        ("system/gpu_memory_used_bytes", {"gpu": "1"}, float(2 * 2**30)),
        ("system/gpu_memory_percent", {"gpu": "1"}, 25.0),
        ("system/gpu_temperature_c", {"gpu": "1"}, 61.0),
    ]
    assert gpu[len(gpu) // 2 :] == first  # the second sample: the same readings, power (and its percent) of gpu 1 still left out
    assert fake.shutdown
    names = {n for n, _, _ in got}
    assert {"system/cpu_percent", "system/memory_percent", "system/process_rss_bytes", "system/process_cpu_percent"} <= names


def test_a_gpu_without_a_power_limit_keeps_its_power_in_watts(monkeypatch):
    monkeypatch.setitem(sys.modules, "pynvml", FakeNvml(limit_error=True))
    got = _sample()
    power = [(n, c) for n, c, _ in got if n.startswith("system/gpu_power")]
    assert power == [("system/gpu_power_w", {"gpu": "0"})] * 2


def test_machine_memory_process_memory_and_the_working_directorys_disk(monkeypatch, tmp_path):
    import psutil

    monkeypatch.setitem(sys.modules, "pynvml", None)
    monkeypatch.chdir(tmp_path)
    got = {n: v for n, c, v in _sample(1)}
    total = psutil.virtual_memory().total
    assert 0 < got["system/memory_used_bytes"] < total
    assert 0 < got["system/process_memory_percent"] <= 100
    assert got["system/process_memory_percent"] == pytest.approx(100 * got["system/process_rss_bytes"] / total, rel=0.2)
    disk = psutil.disk_usage(str(tmp_path))
    assert 0 <= got["system/disk_usage_percent"] <= 100
    assert got["system/disk_used_bytes"] + got["system/disk_free_bytes"] <= disk.total
    assert got["system/disk_used_bytes"] == pytest.approx(disk.used, rel=0.01)
    assert got["system/disk_free_bytes"] == pytest.approx(disk.free, rel=0.01)


def test_a_disk_usage_that_fails_is_left_out_from_then_on(monkeypatch):
    import psutil

    monkeypatch.setitem(sys.modules, "pynvml", None)
    calls = []

    def gone(path):
        calls.append(path)
        raise FileNotFoundError(path)

    monkeypatch.setattr(psutil, "disk_usage", gone)
    got = _sample(3)
    names = {n for n, _, _ in got}
    assert not {"system/disk_usage_percent", "system/disk_used_bytes", "system/disk_free_bytes"} & names
    assert {"system/cpu_percent", "system/memory_used_bytes"} <= names
    assert len(calls) == 1


@pytest.mark.parametrize("nvml", [None, FakeNvml(init_error=True)], ids=["no-pynvml", "nvmlInit-raises"])
def test_without_nvml_or_without_a_gpu_there_are_no_gpu_series_and_no_error(monkeypatch, nvml):
    monkeypatch.setitem(sys.modules, "pynvml", nvml)  # None: `import pynvml` raises ImportError
    got = _sample()
    assert not [n for n, _, _ in got if n.startswith("system/gpu_")]
    assert {n for n, _, _ in got} >= {"system/cpu_percent", "system/process_rss_bytes"}


def test_a_run_logs_gpu_series_with_steps_as_sample_indexes(server, monkeypatch):
    monkeypatch.setitem(sys.modules, "pynvml", FakeNvml())
    run = runcamp.Run(repo="py-system", url=server.url, system_metrics=True, system_metrics_interval=0.1)
    try:
        deadline = time.monotonic() + 30
        while run._sampler.samples < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        run.finish()
    got = run._series
    key = series_key_text("system/gpu_power_w", {"gpu": "0"})
    assert key in got and got[key].next_step >= 3  # next automatic step: one per sample
    assert series_key_text("system/gpu_power_w", {"gpu": "1"}) not in got


def test_psutil_missing_warns_once_and_samples_nothing(monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "psutil", None)
    monkeypatch.setitem(sys.modules, "pynvml", None)
    monkeypatch.setattr("runcamp._system._warned_psutil", False)
    assert _sample() == [] and _sample() == []
    assert [r.message for r in caplog.records].count("runcamp: psutil is not installed; no system metrics (pip install psutil)") == 1

"""System metrics of a run (``Run(system_metrics=True)``): a daemon thread samples every
``interval`` seconds and hands each value to ``track(value, name, context)``.

| series                          | what                                                | source |
| ------------------------------- | --------------------------------------------------- | ------ |
| system/cpu_percent              | the machine's CPU use since the last sample, %      | psutil |
| system/memory_percent           | the machine's memory in use, %                      | psutil |
| system/memory_used_bytes        | the machine's memory in use, bytes                  | psutil |
| system/process_rss_bytes        | this process's resident memory                      | psutil |
| system/process_memory_percent   | this process's resident memory / total memory, %    | psutil |
| system/process_cpu_percent      | this process's CPU use (100 = one core)             | psutil |
| system/disk_usage_percent       | the working directory's filesystem, % used          | psutil |
| system/disk_used_bytes, _free_  | the same filesystem, bytes used / free              | psutil |
| system/disk_read_bytes, _write_ | bytes read/written by all disks in the interval     | psutil |
| system/net_sent_bytes, _recv_   | bytes sent/received by all interfaces, interval     | psutil |
| system/gpu_utilization_percent  | per GPU, context {"gpu": "0"}...                    | NVML   |
| system/gpu_memory_used_bytes    |                                                     | NVML   |
| system/gpu_memory_percent       |                                                     | NVML   |
| system/gpu_temperature_c        |                                                     | NVML   |
| system/gpu_power_w              |                                                     | NVML   |
| system/gpu_power_percent        | power draw / the enforced power limit, %            | NVML   |

These names are the ones MLflow's system metrics and imported AIM runs land under too
(docs/system-metrics.md), so all three meet in one chart.

psutil and pynvml (nvidia-ml-py) are imported when sampling starts: without psutil a warning
is logged once and nothing is sampled; without pynvml, or without a GPU, there are simply no
GPU series. A reading the platform does not offer (no disk counters in a container, a GPU
without a power sensor or power limit, a working directory that went away) is left out from
the first failure on. The first sample is taken one
interval after the start, so percentages and deltas cover a whole interval.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any, Callable, Optional

log = logging.getLogger("runcamp")

_warned_psutil = False


def _psutil() -> Any:
    global _warned_psutil
    try:
        import psutil  # optional at import time: a dependency of runcamp, loaded when sampling starts
    except ImportError:
        if not _warned_psutil:
            _warned_psutil = True
            log.warning("runcamp: psutil is not installed; no system metrics (pip install psutil)")
        return None
    return psutil


def _nvml() -> Any:
    """pynvml initialised, or None (not installed, no driver, no GPU: no error)."""
    try:
        import pynvml  # runcamp[gpu] (nvidia-ml-py)
    except ImportError:
        return None
    try:
        pynvml.nvmlInit()
    except Exception:
        return None
    return pynvml


class _Gpus:
    """The GPUs NVML sees and their readings."""

    def __init__(self, nvml: Any) -> None:
        self.nvml = nvml
        try:
            self.handles = [nvml.nvmlDeviceGetHandleByIndex(i) for i in range(nvml.nvmlDeviceGetCount())]
        except Exception:
            self.handles = []
        self.broken: set = set()  # readings that failed once

    def sample(self, emit: Callable[[float, str, Optional[dict]], None]) -> None:
        nvml = self.nvml
        sensor = getattr(nvml, "NVML_TEMPERATURE_GPU", 0)
        for i, handle in enumerate(self.handles):
            context = {"gpu": str(i)}
            readings = {
                "utilization": lambda h=handle: [("system/gpu_utilization_percent", float(nvml.nvmlDeviceGetUtilizationRates(h).gpu))],
                "memory": lambda h=handle: _gpu_memory(nvml.nvmlDeviceGetMemoryInfo(h)),
                "temperature": lambda h=handle: [("system/gpu_temperature_c", float(nvml.nvmlDeviceGetTemperature(h, sensor)))],
                "power": lambda h=handle: [("system/gpu_power_w", nvml.nvmlDeviceGetPowerUsage(h) / 1000.0)],  # milliwatts
                "power_limit": lambda h=handle: [("system/gpu_power_percent", _gpu_power_percent(nvml, h))],
            }
            for key, read in readings.items():
                if (i, key) in self.broken:
                    continue
                try:
                    values = read()
                except Exception:
                    self.broken.add((i, key))
                    continue
                for name, value in values:
                    emit(value, name, context)

    def close(self) -> None:
        try:
            self.nvml.nvmlShutdown()
        except Exception:
            pass


def _gpu_power_percent(nvml: Any, handle: Any) -> float:
    # A limit of 0 raises ZeroDivisionError: like any failed reading, left out from then on.
    return 100.0 * nvml.nvmlDeviceGetPowerUsage(handle) / nvml.nvmlDeviceGetEnforcedPowerLimit(handle)


def _gpu_memory(info: Any) -> list:
    used, total = float(info.used), float(info.total)
    return [("system/gpu_memory_used_bytes", used), ("system/gpu_memory_percent", 100.0 * used / total if total else 0.0)]


class SystemSampler:
    """Samples every ``interval`` seconds on a daemon thread (``start``, then ``stop``)."""

    def __init__(self, track: Callable[[float, str, Optional[dict]], None], interval: float) -> None:
        self.track = track
        self.interval = max(0.05, float(interval))
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="runcamp-system-metrics", daemon=True)
        self._broken: set = set()
        self._psutil: Any = None
        self._process: Any = None
        self._gpus: Optional[_Gpus] = None
        self._counters: dict = {}

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            self._setup()
            while not self._stop.wait(self.interval):
                self.sample()
        except Exception as e:  # pragma: no cover - sampling must never take the run down
            log.warning("runcamp: system metrics stopped: %r", e)
        finally:
            if self._gpus is not None:
                self._gpus.close()

    def _setup(self) -> None:
        self._psutil = _psutil()
        if self._psutil is not None:
            self._process = self._psutil.Process()
            self._psutil.cpu_percent(None)  # primes the counters: the next call covers the interval
            self._process.cpu_percent(None)
            self._counters = self._io_counters()
        nvml = _nvml()
        if nvml is not None:
            self._gpus = _Gpus(nvml)

    def _io_counters(self) -> dict:
        counters = {}
        for key, read in (("disk", self._psutil.disk_io_counters), ("net", self._psutil.net_io_counters)):
            if key in self._broken:
                continue
            try:
                value = read()
            except Exception:
                value = None
            if value is None:  # e.g. no disk counters in a container
                self._broken.add(key)
            else:
                counters[key] = value
        return counters

    def sample(self) -> None:
        emit = self._emit
        ps = self._psutil
        if ps is not None:
            emit(ps.cpu_percent(None), "system/cpu_percent")
            memory = ps.virtual_memory()
            emit(memory.percent, "system/memory_percent")
            emit(memory.used, "system/memory_used_bytes")
            emit(self._process.memory_info().rss, "system/process_rss_bytes")
            emit(self._process.memory_percent(), "system/process_memory_percent")
            emit(self._process.cpu_percent(None), "system/process_cpu_percent")
            self._disk_usage()
            now = self._io_counters()
            before = self._counters
            if "disk" in now and "disk" in before:
                emit(now["disk"].read_bytes - before["disk"].read_bytes, "system/disk_read_bytes")
                emit(now["disk"].write_bytes - before["disk"].write_bytes, "system/disk_write_bytes")
            if "net" in now and "net" in before:
                emit(now["net"].bytes_sent - before["net"].bytes_sent, "system/net_sent_bytes")
                emit(now["net"].bytes_recv - before["net"].bytes_recv, "system/net_recv_bytes")
            self._counters = now
        if self._gpus is not None:
            self._gpus.sample(emit)
        self.samples += 1

    def _disk_usage(self) -> None:
        if "usage" in self._broken:
            return
        try:
            usage = self._psutil.disk_usage(os.getcwd())
        except Exception:  # the working directory was removed, or the platform cannot tell
            self._broken.add("usage")
            return
        self._emit(usage.percent, "system/disk_usage_percent")
        self._emit(usage.used, "system/disk_used_bytes")
        self._emit(usage.free, "system/disk_free_bytes")

    def _emit(self, value: float, name: str, context: Optional[dict] = None) -> None:
        self.track(float(value), name, context)

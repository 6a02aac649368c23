from enum import Enum


class RunStatus(str, Enum):
    FAILED = "failed"
    FINISHED = "finished"
    KILLED = "killed"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)

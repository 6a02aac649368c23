from enum import Enum


class GetHealthResponse503Database(str, Enum):
    OK = "ok"
    UNREACHABLE = "unreachable"

    def __str__(self) -> str:
        return str(self.value)

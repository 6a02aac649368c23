from enum import Enum


class GetArtifactView(str, Enum):
    METRICS = "metrics"

    def __str__(self) -> str:
        return str(self.value)

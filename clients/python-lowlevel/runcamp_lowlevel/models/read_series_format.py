from enum import Enum


class ReadSeriesFormat(str, Enum):
    COLUMNAR = "columnar"
    ROWS = "rows"

    def __str__(self) -> str:
        return str(self.value)

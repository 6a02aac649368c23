from enum import Enum


class WireNumberType1(str, Enum):
    INFINITY = "Infinity"
    NAN = "NaN"
    VALUE_2 = "-Infinity"

    def __str__(self) -> str:
        return str(self.value)

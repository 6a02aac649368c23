from enum import IntEnum


class ViewStatePageSize(IntEnum):
    VALUE_25 = 25
    VALUE_50 = 50
    VALUE_100 = 100
    VALUE_200 = 200

    def __str__(self) -> str:
        return str(self.value)

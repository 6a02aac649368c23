from enum import Enum


class CampaignComparisonSelect(str, Enum):
    LAST = "last"
    MAX = "max"
    MIN = "min"

    def __str__(self) -> str:
        return str(self.value)

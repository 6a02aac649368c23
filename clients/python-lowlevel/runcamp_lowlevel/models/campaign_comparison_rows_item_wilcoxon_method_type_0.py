from enum import Enum


class CampaignComparisonRowsItemWilcoxonMethodType0(str, Enum):
    EXACT = "exact"
    NORMAL = "normal"
    PERMUTATION = "permutation"

    def __str__(self) -> str:
        return str(self.value)

from enum import Enum


class CampaignComparisonRowsItemUnpairedItemSide(str, Enum):
    BASELINE = "baseline"
    GROUP = "group"

    def __str__(self) -> str:
        return str(self.value)

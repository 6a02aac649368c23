from enum import Enum


class SummarizeCampaignResponse200RowsItemMaxType0Type1(str, Enum):
    INFINITY = "Infinity"
    NAN = "NaN"
    VALUE_2 = "-Infinity"

    def __str__(self) -> str:
        return str(self.value)

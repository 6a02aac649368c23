"""Contains all the data models used in inputs/outputs"""

from .across_runs import AcrossRuns
from .append_logs_body import AppendLogsBody
from .append_logs_body_lines_item import AppendLogsBodyLinesItem
from .artifact import Artifact
from .artifact_page import ArtifactPage
from .artifact_upload import ArtifactUpload
from .artifact_upload_parts_item import ArtifactUploadPartsItem
from .campaign import Campaign
from .campaign_comparison import CampaignComparison
from .campaign_comparison_better import CampaignComparisonBetter
from .campaign_comparison_friedman_type_0 import CampaignComparisonFriedmanType0
from .campaign_comparison_friedman_type_0_ranks_item import (
    CampaignComparisonFriedmanType0RanksItem,
)
from .campaign_comparison_groups_item import CampaignComparisonGroupsItem
from .campaign_comparison_rows_item import CampaignComparisonRowsItem
from .campaign_comparison_rows_item_unpaired_item import (
    CampaignComparisonRowsItemUnpairedItem,
)
from .campaign_comparison_rows_item_unpaired_item_pair import (
    CampaignComparisonRowsItemUnpairedItemPair,
)
from .campaign_comparison_rows_item_unpaired_item_side import (
    CampaignComparisonRowsItemUnpairedItemSide,
)
from .campaign_comparison_rows_item_wilcoxon_method_type_0 import (
    CampaignComparisonRowsItemWilcoxonMethodType0,
)
from .campaign_comparison_select import CampaignComparisonSelect
from .campaign_confusion import CampaignConfusion
from .campaign_confusion_groups_item import CampaignConfusionGroupsItem
from .campaign_confusion_groups_item_across_runs import (
    CampaignConfusionGroupsItemAcrossRuns,
)
from .campaign_confusion_groups_item_across_runs_classes_item import (
    CampaignConfusionGroupsItemAcrossRunsClassesItem,
)
from .campaign_confusion_groups_item_across_runs_macro_avg import (
    CampaignConfusionGroupsItemAcrossRunsMacroAvg,
)
from .campaign_confusion_groups_item_across_runs_weighted_avg import (
    CampaignConfusionGroupsItemAcrossRunsWeightedAvg,
)
from .campaign_confusion_groups_item_group import CampaignConfusionGroupsItemGroup
from .campaign_detail import CampaignDetail
from .campaign_detail_params import CampaignDetailParams
from .campaign_page import CampaignPage
from .campaign_params import CampaignParams
from .campaign_run_selection import CampaignRunSelection
from .campaign_summary import CampaignSummary
from .campaign_summary_rows_item import CampaignSummaryRowsItem
from .campaign_summary_rows_item_group import CampaignSummaryRowsItemGroup
from .campaign_summary_select import CampaignSummarySelect
from .close_stale_runs_body import CloseStaleRunsBody
from .closed_stale_runs import ClosedStaleRuns
from .column_fields import ColumnFields
from .column_fields_metrics_item import ColumnFieldsMetricsItem
from .column_fields_values_item import ColumnFieldsValuesItem
from .compare_campaign_better import CompareCampaignBetter
from .compare_campaign_select import CompareCampaignSelect
from .complete_artifact_upload_body import CompleteArtifactUploadBody
from .complete_artifact_upload_body_parts_item import (
    CompleteArtifactUploadBodyPartsItem,
)
from .confusion_matrix import ConfusionMatrix
from .confusion_metrics import ConfusionMetrics
from .confusion_metrics_classes_item import ConfusionMetricsClassesItem
from .confusion_metrics_macro_avg import ConfusionMetricsMacroAvg
from .confusion_metrics_weighted_avg import ConfusionMetricsWeightedAvg
from .context import Context
from .create_artifact_upload_body import CreateArtifactUploadBody
from .create_campaign_body import CreateCampaignBody
from .create_campaign_body_params import CreateCampaignBodyParams
from .create_run_body import CreateRunBody
from .create_run_body_params import CreateRunBodyParams
from .create_run_body_provenance import CreateRunBodyProvenance
from .create_token_body import CreateTokenBody
from .create_token_body_scope import CreateTokenBodyScope
from .get_artifact_view import GetArtifactView
from .get_health_response_200 import GetHealthResponse200
from .get_health_response_200_database import GetHealthResponse200Database
from .get_health_response_200_status import GetHealthResponse200Status
from .get_health_response_503 import GetHealthResponse503
from .get_health_response_503_database import GetHealthResponse503Database
from .get_health_response_503_status import GetHealthResponse503Status
from .import_repo_content_body import ImportRepoContentBody
from .import_repo_content_body_campaigns_item import ImportRepoContentBodyCampaignsItem
from .import_repo_content_body_campaigns_item_params import (
    ImportRepoContentBodyCampaignsItemParams,
)
from .import_repo_content_body_repo import ImportRepoContentBodyRepo
from .import_repo_content_body_runs_item import ImportRepoContentBodyRunsItem
from .import_repo_content_body_runs_item_artifacts_item import (
    ImportRepoContentBodyRunsItemArtifactsItem,
)
from .import_repo_content_body_runs_item_failure_type_0 import (
    ImportRepoContentBodyRunsItemFailureType0,
)
from .import_repo_content_body_runs_item_params import (
    ImportRepoContentBodyRunsItemParams,
)
from .import_repo_content_body_runs_item_provenance_type_0 import (
    ImportRepoContentBodyRunsItemProvenanceType0,
)
from .import_repo_content_body_runs_item_values_item import (
    ImportRepoContentBodyRunsItemValuesItem,
)
from .import_result import ImportResult
from .import_result_campaigns import ImportResultCampaigns
from .import_result_runs import ImportResultRuns
from .ingest_columns import IngestColumns
from .ingest_columns_series_item import IngestColumnsSeriesItem
from .ingest_metrics_json_body_type_0 import IngestMetricsJsonBodyType0
from .ingest_metrics_json_body_type_0_points_item import (
    IngestMetricsJsonBodyType0PointsItem,
)
from .ingest_metrics_reopen import IngestMetricsReopen
from .ingest_metrics_response_200 import IngestMetricsResponse200
from .issued_token import IssuedToken
from .issued_token_scope import IssuedTokenScope
from .list_runs_provenance import ListRunsProvenance
from .list_runs_total import ListRunsTotal
from .log_append_result import LogAppendResult
from .log_chunk import LogChunk
from .log_line import LogLine
from .log_page import LogPage
from .log_stream import LogStream
from .logged_model import LoggedModel
from .logged_model_metrics_item import LoggedModelMetricsItem
from .logged_model_page import LoggedModelPage
from .logged_model_params import LoggedModelParams
from .logged_model_status import LoggedModelStatus
from .logged_model_tags import LoggedModelTags
from .logged_model_versions_item import LoggedModelVersionsItem
from .patch_campaign_body import PatchCampaignBody
from .patch_campaign_body_params import PatchCampaignBodyParams
from .patch_run_body import PatchRunBody
from .patch_run_body_failure_type_0 import PatchRunBodyFailureType0
from .patch_run_body_params import PatchRunBodyParams
from .patch_run_body_tags import PatchRunBodyTags
from .post_inputs_response_200 import PostInputsResponse200
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .put_repo_body import PutRepoBody
from .put_values_body_item import PutValuesBodyItem
from .put_values_response_200 import PutValuesResponse200
from .put_view_body import PutViewBody
from .query_series_response_200 import QuerySeriesResponse200
from .query_series_response_200_items_type_0_item import (
    QuerySeriesResponse200ItemsType0Item,
)
from .query_series_response_200_items_type_0_item_buckets_type_0_item import (
    QuerySeriesResponse200ItemsType0ItemBucketsType0Item,
)
from .query_series_response_200_items_type_0_item_points_item import (
    QuerySeriesResponse200ItemsType0ItemPointsItem,
)
from .query_series_response_200_items_type_1_item import (
    QuerySeriesResponse200ItemsType1Item,
)
from .query_series_response_200_items_type_1_item_buckets_type_0 import (
    QuerySeriesResponse200ItemsType1ItemBucketsType0,
)
from .read_series_format import ReadSeriesFormat
from .registered_model import RegisteredModel
from .registered_model_aliases import RegisteredModelAliases
from .registered_model_page import RegisteredModelPage
from .registered_model_tags import RegisteredModelTags
from .registered_model_versions_item import RegisteredModelVersionsItem
from .registered_model_versions_item_run_type_0 import (
    RegisteredModelVersionsItemRunType0,
)
from .registered_model_versions_item_tags import RegisteredModelVersionsItemTags
from .repo import Repo
from .repo_page import RepoPage
from .run import Run
from .run_detail import RunDetail
from .run_detail_params import RunDetailParams
from .run_detail_provenance_type_0 import RunDetailProvenanceType0
from .run_detail_tag_values import RunDetailTagValues
from .run_failure import RunFailure
from .run_input import RunInput
from .run_input_in import RunInputIn
from .run_input_in_tags import RunInputInTags
from .run_input_tags import RunInputTags
from .run_list_item import RunListItem
from .run_list_item_columns import RunListItemColumns
from .run_list_item_params import RunListItemParams
from .run_list_item_provenance_type_0 import RunListItemProvenanceType0
from .run_list_item_tag_values import RunListItemTagValues
from .run_list_page import RunListPage
from .run_liveness import RunLiveness
from .run_params import RunParams
from .run_provenance_type_0 import RunProvenanceType0
from .run_status import RunStatus
from .run_tag_values import RunTagValues
from .run_value import RunValue
from .saved_view import SavedView
from .saved_view_page import SavedViewPage
from .series_columns import SeriesColumns
from .series_columns_buckets_type_0 import SeriesColumnsBucketsType0
from .series_query_by_runs import SeriesQueryByRuns
from .series_query_by_runs_format import SeriesQueryByRunsFormat
from .series_query_by_runs_metrics_item import SeriesQueryByRunsMetricsItem
from .series_query_by_selection import SeriesQueryBySelection
from .series_query_by_selection_format import SeriesQueryBySelectionFormat
from .series_query_by_selection_metrics_item import SeriesQueryBySelectionMetricsItem
from .series_read import SeriesRead
from .series_read_buckets_type_0_item import SeriesReadBucketsType0Item
from .series_read_points_item import SeriesReadPointsItem
from .series_some_columns import SeriesSomeColumns
from .series_some_columns_buckets_type_0 import SeriesSomeColumnsBucketsType0
from .series_summary import SeriesSummary
from .series_summary_page import SeriesSummaryPage
from .summarize_campaign_select import SummarizeCampaignSelect
from .token import Token
from .token_page import TokenPage
from .token_scope import TokenScope
from .value_type_4 import ValueType4
from .view_state import ViewState
from .view_state_page_size import ViewStatePageSize
from .wire_number_type_1 import WireNumberType1

__all__ = (
    "AcrossRuns",
    "AppendLogsBody",
    "AppendLogsBodyLinesItem",
    "Artifact",
    "ArtifactPage",
    "ArtifactUpload",
    "ArtifactUploadPartsItem",
    "Campaign",
    "CampaignComparison",
    "CampaignComparisonBetter",
    "CampaignComparisonFriedmanType0",
    "CampaignComparisonFriedmanType0RanksItem",
    "CampaignComparisonGroupsItem",
    "CampaignComparisonRowsItem",
    "CampaignComparisonRowsItemUnpairedItem",
    "CampaignComparisonRowsItemUnpairedItemPair",
    "CampaignComparisonRowsItemUnpairedItemSide",
    "CampaignComparisonRowsItemWilcoxonMethodType0",
    "CampaignComparisonSelect",
    "CampaignConfusion",
    "CampaignConfusionGroupsItem",
    "CampaignConfusionGroupsItemAcrossRuns",
    "CampaignConfusionGroupsItemAcrossRunsClassesItem",
    "CampaignConfusionGroupsItemAcrossRunsMacroAvg",
    "CampaignConfusionGroupsItemAcrossRunsWeightedAvg",
    "CampaignConfusionGroupsItemGroup",
    "CampaignDetail",
    "CampaignDetailParams",
    "CampaignPage",
    "CampaignParams",
    "CampaignRunSelection",
    "CampaignSummary",
    "CampaignSummaryRowsItem",
    "CampaignSummaryRowsItemGroup",
    "CampaignSummarySelect",
    "ClosedStaleRuns",
    "CloseStaleRunsBody",
    "ColumnFields",
    "ColumnFieldsMetricsItem",
    "ColumnFieldsValuesItem",
    "CompareCampaignBetter",
    "CompareCampaignSelect",
    "CompleteArtifactUploadBody",
    "CompleteArtifactUploadBodyPartsItem",
    "ConfusionMatrix",
    "ConfusionMetrics",
    "ConfusionMetricsClassesItem",
    "ConfusionMetricsMacroAvg",
    "ConfusionMetricsWeightedAvg",
    "Context",
    "CreateArtifactUploadBody",
    "CreateCampaignBody",
    "CreateCampaignBodyParams",
    "CreateRunBody",
    "CreateRunBodyParams",
    "CreateRunBodyProvenance",
    "CreateTokenBody",
    "CreateTokenBodyScope",
    "GetArtifactView",
    "GetHealthResponse200",
    "GetHealthResponse200Database",
    "GetHealthResponse200Status",
    "GetHealthResponse503",
    "GetHealthResponse503Database",
    "GetHealthResponse503Status",
    "ImportRepoContentBody",
    "ImportRepoContentBodyCampaignsItem",
    "ImportRepoContentBodyCampaignsItemParams",
    "ImportRepoContentBodyRepo",
    "ImportRepoContentBodyRunsItem",
    "ImportRepoContentBodyRunsItemArtifactsItem",
    "ImportRepoContentBodyRunsItemFailureType0",
    "ImportRepoContentBodyRunsItemParams",
    "ImportRepoContentBodyRunsItemProvenanceType0",
    "ImportRepoContentBodyRunsItemValuesItem",
    "ImportResult",
    "ImportResultCampaigns",
    "ImportResultRuns",
    "IngestColumns",
    "IngestColumnsSeriesItem",
    "IngestMetricsJsonBodyType0",
    "IngestMetricsJsonBodyType0PointsItem",
    "IngestMetricsReopen",
    "IngestMetricsResponse200",
    "IssuedToken",
    "IssuedTokenScope",
    "ListRunsProvenance",
    "ListRunsTotal",
    "LogAppendResult",
    "LogChunk",
    "LoggedModel",
    "LoggedModelMetricsItem",
    "LoggedModelPage",
    "LoggedModelParams",
    "LoggedModelStatus",
    "LoggedModelTags",
    "LoggedModelVersionsItem",
    "LogLine",
    "LogPage",
    "LogStream",
    "PatchCampaignBody",
    "PatchCampaignBodyParams",
    "PatchRunBody",
    "PatchRunBodyFailureType0",
    "PatchRunBodyParams",
    "PatchRunBodyTags",
    "PostInputsResponse200",
    "Problem",
    "ProblemErrorsItem",
    "PutRepoBody",
    "PutValuesBodyItem",
    "PutValuesResponse200",
    "PutViewBody",
    "QuerySeriesResponse200",
    "QuerySeriesResponse200ItemsType0Item",
    "QuerySeriesResponse200ItemsType0ItemBucketsType0Item",
    "QuerySeriesResponse200ItemsType0ItemPointsItem",
    "QuerySeriesResponse200ItemsType1Item",
    "QuerySeriesResponse200ItemsType1ItemBucketsType0",
    "ReadSeriesFormat",
    "RegisteredModel",
    "RegisteredModelAliases",
    "RegisteredModelPage",
    "RegisteredModelTags",
    "RegisteredModelVersionsItem",
    "RegisteredModelVersionsItemRunType0",
    "RegisteredModelVersionsItemTags",
    "Repo",
    "RepoPage",
    "Run",
    "RunDetail",
    "RunDetailParams",
    "RunDetailProvenanceType0",
    "RunDetailTagValues",
    "RunFailure",
    "RunInput",
    "RunInputIn",
    "RunInputInTags",
    "RunInputTags",
    "RunListItem",
    "RunListItemColumns",
    "RunListItemParams",
    "RunListItemProvenanceType0",
    "RunListItemTagValues",
    "RunListPage",
    "RunLiveness",
    "RunParams",
    "RunProvenanceType0",
    "RunStatus",
    "RunTagValues",
    "RunValue",
    "SavedView",
    "SavedViewPage",
    "SeriesColumns",
    "SeriesColumnsBucketsType0",
    "SeriesQueryByRuns",
    "SeriesQueryByRunsFormat",
    "SeriesQueryByRunsMetricsItem",
    "SeriesQueryBySelection",
    "SeriesQueryBySelectionFormat",
    "SeriesQueryBySelectionMetricsItem",
    "SeriesRead",
    "SeriesReadBucketsType0Item",
    "SeriesReadPointsItem",
    "SeriesSomeColumns",
    "SeriesSomeColumnsBucketsType0",
    "SeriesSummary",
    "SeriesSummaryPage",
    "SummarizeCampaignSelect",
    "Token",
    "TokenPage",
    "TokenScope",
    "ValueType4",
    "ViewState",
    "ViewStatePageSize",
    "WireNumberType1",
)

"""Contains all the data models used in inputs/outputs"""

from .create_campaign_body import CreateCampaignBody
from .create_campaign_body_params import CreateCampaignBodyParams
from .create_campaign_response_200 import CreateCampaignResponse200
from .create_campaign_response_200_params import CreateCampaignResponse200Params
from .create_campaign_response_201 import CreateCampaignResponse201
from .create_campaign_response_201_params import CreateCampaignResponse201Params
from .create_campaign_response_400 import CreateCampaignResponse400
from .create_campaign_response_400_errors_item import (
    CreateCampaignResponse400ErrorsItem,
)
from .create_campaign_response_409 import CreateCampaignResponse409
from .create_campaign_response_409_errors_item import (
    CreateCampaignResponse409ErrorsItem,
)
from .create_campaign_response_413 import CreateCampaignResponse413
from .create_campaign_response_413_errors_item import (
    CreateCampaignResponse413ErrorsItem,
)
from .create_campaign_response_415 import CreateCampaignResponse415
from .create_campaign_response_415_errors_item import (
    CreateCampaignResponse415ErrorsItem,
)
from .create_run_body import CreateRunBody
from .create_run_body_params import CreateRunBodyParams
from .create_run_body_provenance import CreateRunBodyProvenance
from .create_run_response_200 import CreateRunResponse200
from .create_run_response_200_params import CreateRunResponse200Params
from .create_run_response_200_provenance_type_0 import (
    CreateRunResponse200ProvenanceType0,
)
from .create_run_response_200_status import CreateRunResponse200Status
from .create_run_response_201 import CreateRunResponse201
from .create_run_response_201_params import CreateRunResponse201Params
from .create_run_response_201_provenance_type_0 import (
    CreateRunResponse201ProvenanceType0,
)
from .create_run_response_201_status import CreateRunResponse201Status
from .create_run_response_400 import CreateRunResponse400
from .create_run_response_400_errors_item import CreateRunResponse400ErrorsItem
from .create_run_response_404 import CreateRunResponse404
from .create_run_response_404_errors_item import CreateRunResponse404ErrorsItem
from .create_run_response_413 import CreateRunResponse413
from .create_run_response_413_errors_item import CreateRunResponse413ErrorsItem
from .create_run_response_415 import CreateRunResponse415
from .create_run_response_415_errors_item import CreateRunResponse415ErrorsItem
from .delete_campaign_response_400 import DeleteCampaignResponse400
from .delete_campaign_response_400_errors_item import (
    DeleteCampaignResponse400ErrorsItem,
)
from .delete_campaign_response_404 import DeleteCampaignResponse404
from .delete_campaign_response_404_errors_item import (
    DeleteCampaignResponse404ErrorsItem,
)
from .delete_repo_response_400 import DeleteRepoResponse400
from .delete_repo_response_400_errors_item import DeleteRepoResponse400ErrorsItem
from .delete_repo_response_404 import DeleteRepoResponse404
from .delete_repo_response_404_errors_item import DeleteRepoResponse404ErrorsItem
from .delete_run_response_400 import DeleteRunResponse400
from .delete_run_response_400_errors_item import DeleteRunResponse400ErrorsItem
from .delete_run_response_404 import DeleteRunResponse404
from .delete_run_response_404_errors_item import DeleteRunResponse404ErrorsItem
from .get_campaign_response_200 import GetCampaignResponse200
from .get_campaign_response_200_params import GetCampaignResponse200Params
from .get_campaign_response_200_runs_item import GetCampaignResponse200RunsItem
from .get_campaign_response_200_runs_item_params import (
    GetCampaignResponse200RunsItemParams,
)
from .get_campaign_response_200_runs_item_provenance_type_0 import (
    GetCampaignResponse200RunsItemProvenanceType0,
)
from .get_campaign_response_200_runs_item_status import (
    GetCampaignResponse200RunsItemStatus,
)
from .get_campaign_response_400 import GetCampaignResponse400
from .get_campaign_response_400_errors_item import GetCampaignResponse400ErrorsItem
from .get_campaign_response_404 import GetCampaignResponse404
from .get_campaign_response_404_errors_item import GetCampaignResponse404ErrorsItem
from .get_health_response_200 import GetHealthResponse200
from .get_health_response_200_database import GetHealthResponse200Database
from .get_health_response_200_status import GetHealthResponse200Status
from .get_health_response_503 import GetHealthResponse503
from .get_health_response_503_database import GetHealthResponse503Database
from .get_health_response_503_status import GetHealthResponse503Status
from .get_repo_response_200 import GetRepoResponse200
from .get_repo_response_400 import GetRepoResponse400
from .get_repo_response_400_errors_item import GetRepoResponse400ErrorsItem
from .get_repo_response_404 import GetRepoResponse404
from .get_repo_response_404_errors_item import GetRepoResponse404ErrorsItem
from .get_run_response_200 import GetRunResponse200
from .get_run_response_200_metrics_item import GetRunResponse200MetricsItem
from .get_run_response_200_metrics_item_context import (
    GetRunResponse200MetricsItemContext,
)
from .get_run_response_200_metrics_item_last_type_0_type_1 import (
    GetRunResponse200MetricsItemLastType0Type1,
)
from .get_run_response_200_metrics_item_max_type_0_type_1 import (
    GetRunResponse200MetricsItemMaxType0Type1,
)
from .get_run_response_200_metrics_item_min_type_0_type_1 import (
    GetRunResponse200MetricsItemMinType0Type1,
)
from .get_run_response_200_params import GetRunResponse200Params
from .get_run_response_200_provenance_type_0 import GetRunResponse200ProvenanceType0
from .get_run_response_200_status import GetRunResponse200Status
from .get_run_response_200_values_item import GetRunResponse200ValuesItem
from .get_run_response_200_values_item_context import GetRunResponse200ValuesItemContext
from .get_run_response_200_values_item_value_type_4 import (
    GetRunResponse200ValuesItemValueType4,
)
from .get_run_response_400 import GetRunResponse400
from .get_run_response_400_errors_item import GetRunResponse400ErrorsItem
from .get_run_response_404 import GetRunResponse404
from .get_run_response_404_errors_item import GetRunResponse404ErrorsItem
from .ingest_metrics_json_body import IngestMetricsJsonBody
from .ingest_metrics_json_body_points_item import IngestMetricsJsonBodyPointsItem
from .ingest_metrics_json_body_points_item_context import (
    IngestMetricsJsonBodyPointsItemContext,
)
from .ingest_metrics_json_body_points_item_value_type_1 import (
    IngestMetricsJsonBodyPointsItemValueType1,
)
from .ingest_metrics_response_200 import IngestMetricsResponse200
from .ingest_metrics_response_400 import IngestMetricsResponse400
from .ingest_metrics_response_400_errors_item import IngestMetricsResponse400ErrorsItem
from .ingest_metrics_response_404 import IngestMetricsResponse404
from .ingest_metrics_response_404_errors_item import IngestMetricsResponse404ErrorsItem
from .ingest_metrics_response_409 import IngestMetricsResponse409
from .ingest_metrics_response_409_errors_item import IngestMetricsResponse409ErrorsItem
from .ingest_metrics_response_413 import IngestMetricsResponse413
from .ingest_metrics_response_413_errors_item import IngestMetricsResponse413ErrorsItem
from .ingest_metrics_response_415 import IngestMetricsResponse415
from .ingest_metrics_response_415_errors_item import IngestMetricsResponse415ErrorsItem
from .list_campaigns_response_200 import ListCampaignsResponse200
from .list_campaigns_response_200_items_item import ListCampaignsResponse200ItemsItem
from .list_campaigns_response_200_items_item_params import (
    ListCampaignsResponse200ItemsItemParams,
)
from .list_campaigns_response_400 import ListCampaignsResponse400
from .list_campaigns_response_400_errors_item import ListCampaignsResponse400ErrorsItem
from .list_campaigns_response_404 import ListCampaignsResponse404
from .list_campaigns_response_404_errors_item import ListCampaignsResponse404ErrorsItem
from .list_repos_response_200 import ListReposResponse200
from .list_repos_response_200_items_item import ListReposResponse200ItemsItem
from .list_repos_response_400 import ListReposResponse400
from .list_repos_response_400_errors_item import ListReposResponse400ErrorsItem
from .list_runs_response_200 import ListRunsResponse200
from .list_runs_response_200_items_item import ListRunsResponse200ItemsItem
from .list_runs_response_200_items_item_params import ListRunsResponse200ItemsItemParams
from .list_runs_response_200_items_item_provenance_type_0 import (
    ListRunsResponse200ItemsItemProvenanceType0,
)
from .list_runs_response_200_items_item_status import ListRunsResponse200ItemsItemStatus
from .list_runs_response_400 import ListRunsResponse400
from .list_runs_response_400_errors_item import ListRunsResponse400ErrorsItem
from .list_runs_response_404 import ListRunsResponse404
from .list_runs_response_404_errors_item import ListRunsResponse404ErrorsItem
from .list_series_response_200 import ListSeriesResponse200
from .list_series_response_200_items_item import ListSeriesResponse200ItemsItem
from .list_series_response_200_items_item_context import (
    ListSeriesResponse200ItemsItemContext,
)
from .list_series_response_200_items_item_last_type_0_type_1 import (
    ListSeriesResponse200ItemsItemLastType0Type1,
)
from .list_series_response_200_items_item_max_type_0_type_1 import (
    ListSeriesResponse200ItemsItemMaxType0Type1,
)
from .list_series_response_200_items_item_min_type_0_type_1 import (
    ListSeriesResponse200ItemsItemMinType0Type1,
)
from .list_series_response_400 import ListSeriesResponse400
from .list_series_response_400_errors_item import ListSeriesResponse400ErrorsItem
from .list_series_response_404 import ListSeriesResponse404
from .list_series_response_404_errors_item import ListSeriesResponse404ErrorsItem
from .patch_campaign_body import PatchCampaignBody
from .patch_campaign_body_params import PatchCampaignBodyParams
from .patch_campaign_response_200 import PatchCampaignResponse200
from .patch_campaign_response_200_params import PatchCampaignResponse200Params
from .patch_campaign_response_400 import PatchCampaignResponse400
from .patch_campaign_response_400_errors_item import PatchCampaignResponse400ErrorsItem
from .patch_campaign_response_404 import PatchCampaignResponse404
from .patch_campaign_response_404_errors_item import PatchCampaignResponse404ErrorsItem
from .patch_campaign_response_409 import PatchCampaignResponse409
from .patch_campaign_response_409_errors_item import PatchCampaignResponse409ErrorsItem
from .patch_campaign_response_413 import PatchCampaignResponse413
from .patch_campaign_response_413_errors_item import PatchCampaignResponse413ErrorsItem
from .patch_campaign_response_415 import PatchCampaignResponse415
from .patch_campaign_response_415_errors_item import PatchCampaignResponse415ErrorsItem
from .patch_run_body import PatchRunBody
from .patch_run_body_params import PatchRunBodyParams
from .patch_run_body_status import PatchRunBodyStatus
from .patch_run_body_tags import PatchRunBodyTags
from .patch_run_response_200 import PatchRunResponse200
from .patch_run_response_200_params import PatchRunResponse200Params
from .patch_run_response_200_provenance_type_0 import PatchRunResponse200ProvenanceType0
from .patch_run_response_200_status import PatchRunResponse200Status
from .patch_run_response_400 import PatchRunResponse400
from .patch_run_response_400_errors_item import PatchRunResponse400ErrorsItem
from .patch_run_response_404 import PatchRunResponse404
from .patch_run_response_404_errors_item import PatchRunResponse404ErrorsItem
from .patch_run_response_413 import PatchRunResponse413
from .patch_run_response_413_errors_item import PatchRunResponse413ErrorsItem
from .patch_run_response_415 import PatchRunResponse415
from .patch_run_response_415_errors_item import PatchRunResponse415ErrorsItem
from .put_repo_body import PutRepoBody
from .put_repo_response_200 import PutRepoResponse200
from .put_repo_response_201 import PutRepoResponse201
from .put_repo_response_400 import PutRepoResponse400
from .put_repo_response_400_errors_item import PutRepoResponse400ErrorsItem
from .put_repo_response_413 import PutRepoResponse413
from .put_repo_response_413_errors_item import PutRepoResponse413ErrorsItem
from .put_repo_response_415 import PutRepoResponse415
from .put_repo_response_415_errors_item import PutRepoResponse415ErrorsItem
from .put_values_body_item import PutValuesBodyItem
from .put_values_body_item_context import PutValuesBodyItemContext
from .put_values_body_item_value_type_4 import PutValuesBodyItemValueType4
from .put_values_response_200 import PutValuesResponse200
from .put_values_response_200_items_item import PutValuesResponse200ItemsItem
from .put_values_response_200_items_item_context import (
    PutValuesResponse200ItemsItemContext,
)
from .put_values_response_200_items_item_value_type_4 import (
    PutValuesResponse200ItemsItemValueType4,
)
from .put_values_response_400 import PutValuesResponse400
from .put_values_response_400_errors_item import PutValuesResponse400ErrorsItem
from .put_values_response_404 import PutValuesResponse404
from .put_values_response_404_errors_item import PutValuesResponse404ErrorsItem
from .put_values_response_413 import PutValuesResponse413
from .put_values_response_413_errors_item import PutValuesResponse413ErrorsItem
from .put_values_response_415 import PutValuesResponse415
from .put_values_response_415_errors_item import PutValuesResponse415ErrorsItem
from .query_series_body import QuerySeriesBody
from .query_series_body_metrics_item import QuerySeriesBodyMetricsItem
from .query_series_body_metrics_item_context import QuerySeriesBodyMetricsItemContext
from .query_series_response_200 import QuerySeriesResponse200
from .query_series_response_200_items_item import QuerySeriesResponse200ItemsItem
from .query_series_response_200_items_item_buckets_type_0_item import (
    QuerySeriesResponse200ItemsItemBucketsType0Item,
)
from .query_series_response_200_items_item_buckets_type_0_item_max_type_0_type_1 import (
    QuerySeriesResponse200ItemsItemBucketsType0ItemMaxType0Type1,
)
from .query_series_response_200_items_item_buckets_type_0_item_min_type_0_type_1 import (
    QuerySeriesResponse200ItemsItemBucketsType0ItemMinType0Type1,
)
from .query_series_response_200_items_item_buckets_type_0_item_value_type_1 import (
    QuerySeriesResponse200ItemsItemBucketsType0ItemValueType1,
)
from .query_series_response_200_items_item_context import (
    QuerySeriesResponse200ItemsItemContext,
)
from .query_series_response_200_items_item_points_item import (
    QuerySeriesResponse200ItemsItemPointsItem,
)
from .query_series_response_200_items_item_points_item_value_type_1 import (
    QuerySeriesResponse200ItemsItemPointsItemValueType1,
)
from .query_series_response_200_items_item_summary import (
    QuerySeriesResponse200ItemsItemSummary,
)
from .query_series_response_200_items_item_summary_context import (
    QuerySeriesResponse200ItemsItemSummaryContext,
)
from .query_series_response_200_items_item_summary_last_type_0_type_1 import (
    QuerySeriesResponse200ItemsItemSummaryLastType0Type1,
)
from .query_series_response_200_items_item_summary_max_type_0_type_1 import (
    QuerySeriesResponse200ItemsItemSummaryMaxType0Type1,
)
from .query_series_response_200_items_item_summary_min_type_0_type_1 import (
    QuerySeriesResponse200ItemsItemSummaryMinType0Type1,
)
from .query_series_response_400 import QuerySeriesResponse400
from .query_series_response_400_errors_item import QuerySeriesResponse400ErrorsItem
from .query_series_response_404 import QuerySeriesResponse404
from .query_series_response_404_errors_item import QuerySeriesResponse404ErrorsItem
from .query_series_response_415 import QuerySeriesResponse415
from .query_series_response_415_errors_item import QuerySeriesResponse415ErrorsItem
from .read_series_response_200 import ReadSeriesResponse200
from .read_series_response_200_buckets_type_0_item import (
    ReadSeriesResponse200BucketsType0Item,
)
from .read_series_response_200_buckets_type_0_item_max_type_0_type_1 import (
    ReadSeriesResponse200BucketsType0ItemMaxType0Type1,
)
from .read_series_response_200_buckets_type_0_item_min_type_0_type_1 import (
    ReadSeriesResponse200BucketsType0ItemMinType0Type1,
)
from .read_series_response_200_buckets_type_0_item_value_type_1 import (
    ReadSeriesResponse200BucketsType0ItemValueType1,
)
from .read_series_response_200_context import ReadSeriesResponse200Context
from .read_series_response_200_points_item import ReadSeriesResponse200PointsItem
from .read_series_response_200_points_item_value_type_1 import (
    ReadSeriesResponse200PointsItemValueType1,
)
from .read_series_response_200_summary import ReadSeriesResponse200Summary
from .read_series_response_200_summary_context import (
    ReadSeriesResponse200SummaryContext,
)
from .read_series_response_200_summary_last_type_0_type_1 import (
    ReadSeriesResponse200SummaryLastType0Type1,
)
from .read_series_response_200_summary_max_type_0_type_1 import (
    ReadSeriesResponse200SummaryMaxType0Type1,
)
from .read_series_response_200_summary_min_type_0_type_1 import (
    ReadSeriesResponse200SummaryMinType0Type1,
)
from .read_series_response_400 import ReadSeriesResponse400
from .read_series_response_400_errors_item import ReadSeriesResponse400ErrorsItem
from .read_series_response_404 import ReadSeriesResponse404
from .read_series_response_404_errors_item import ReadSeriesResponse404ErrorsItem
from .summarize_campaign_response_200 import SummarizeCampaignResponse200
from .summarize_campaign_response_200_rows_item import (
    SummarizeCampaignResponse200RowsItem,
)
from .summarize_campaign_response_200_rows_item_ci_95_type_0_type_1 import (
    SummarizeCampaignResponse200RowsItemCi95Type0Type1,
)
from .summarize_campaign_response_200_rows_item_context import (
    SummarizeCampaignResponse200RowsItemContext,
)
from .summarize_campaign_response_200_rows_item_group import (
    SummarizeCampaignResponse200RowsItemGroup,
)
from .summarize_campaign_response_200_rows_item_max_type_0_type_1 import (
    SummarizeCampaignResponse200RowsItemMaxType0Type1,
)
from .summarize_campaign_response_200_rows_item_mean_type_0_type_1 import (
    SummarizeCampaignResponse200RowsItemMeanType0Type1,
)
from .summarize_campaign_response_200_rows_item_min_type_0_type_1 import (
    SummarizeCampaignResponse200RowsItemMinType0Type1,
)
from .summarize_campaign_response_200_rows_item_std_type_0_type_1 import (
    SummarizeCampaignResponse200RowsItemStdType0Type1,
)
from .summarize_campaign_response_200_select import SummarizeCampaignResponse200Select
from .summarize_campaign_response_400 import SummarizeCampaignResponse400
from .summarize_campaign_response_400_errors_item import (
    SummarizeCampaignResponse400ErrorsItem,
)
from .summarize_campaign_response_404 import SummarizeCampaignResponse404
from .summarize_campaign_response_404_errors_item import (
    SummarizeCampaignResponse404ErrorsItem,
)
from .summarize_campaign_select import SummarizeCampaignSelect

__all__ = (
    "CreateCampaignBody",
    "CreateCampaignBodyParams",
    "CreateCampaignResponse200",
    "CreateCampaignResponse200Params",
    "CreateCampaignResponse201",
    "CreateCampaignResponse201Params",
    "CreateCampaignResponse400",
    "CreateCampaignResponse400ErrorsItem",
    "CreateCampaignResponse409",
    "CreateCampaignResponse409ErrorsItem",
    "CreateCampaignResponse413",
    "CreateCampaignResponse413ErrorsItem",
    "CreateCampaignResponse415",
    "CreateCampaignResponse415ErrorsItem",
    "CreateRunBody",
    "CreateRunBodyParams",
    "CreateRunBodyProvenance",
    "CreateRunResponse200",
    "CreateRunResponse200Params",
    "CreateRunResponse200ProvenanceType0",
    "CreateRunResponse200Status",
    "CreateRunResponse201",
    "CreateRunResponse201Params",
    "CreateRunResponse201ProvenanceType0",
    "CreateRunResponse201Status",
    "CreateRunResponse400",
    "CreateRunResponse400ErrorsItem",
    "CreateRunResponse404",
    "CreateRunResponse404ErrorsItem",
    "CreateRunResponse413",
    "CreateRunResponse413ErrorsItem",
    "CreateRunResponse415",
    "CreateRunResponse415ErrorsItem",
    "DeleteCampaignResponse400",
    "DeleteCampaignResponse400ErrorsItem",
    "DeleteCampaignResponse404",
    "DeleteCampaignResponse404ErrorsItem",
    "DeleteRepoResponse400",
    "DeleteRepoResponse400ErrorsItem",
    "DeleteRepoResponse404",
    "DeleteRepoResponse404ErrorsItem",
    "DeleteRunResponse400",
    "DeleteRunResponse400ErrorsItem",
    "DeleteRunResponse404",
    "DeleteRunResponse404ErrorsItem",
    "GetCampaignResponse200",
    "GetCampaignResponse200Params",
    "GetCampaignResponse200RunsItem",
    "GetCampaignResponse200RunsItemParams",
    "GetCampaignResponse200RunsItemProvenanceType0",
    "GetCampaignResponse200RunsItemStatus",
    "GetCampaignResponse400",
    "GetCampaignResponse400ErrorsItem",
    "GetCampaignResponse404",
    "GetCampaignResponse404ErrorsItem",
    "GetHealthResponse200",
    "GetHealthResponse200Database",
    "GetHealthResponse200Status",
    "GetHealthResponse503",
    "GetHealthResponse503Database",
    "GetHealthResponse503Status",
    "GetRepoResponse200",
    "GetRepoResponse400",
    "GetRepoResponse400ErrorsItem",
    "GetRepoResponse404",
    "GetRepoResponse404ErrorsItem",
    "GetRunResponse200",
    "GetRunResponse200MetricsItem",
    "GetRunResponse200MetricsItemContext",
    "GetRunResponse200MetricsItemLastType0Type1",
    "GetRunResponse200MetricsItemMaxType0Type1",
    "GetRunResponse200MetricsItemMinType0Type1",
    "GetRunResponse200Params",
    "GetRunResponse200ProvenanceType0",
    "GetRunResponse200Status",
    "GetRunResponse200ValuesItem",
    "GetRunResponse200ValuesItemContext",
    "GetRunResponse200ValuesItemValueType4",
    "GetRunResponse400",
    "GetRunResponse400ErrorsItem",
    "GetRunResponse404",
    "GetRunResponse404ErrorsItem",
    "IngestMetricsJsonBody",
    "IngestMetricsJsonBodyPointsItem",
    "IngestMetricsJsonBodyPointsItemContext",
    "IngestMetricsJsonBodyPointsItemValueType1",
    "IngestMetricsResponse200",
    "IngestMetricsResponse400",
    "IngestMetricsResponse400ErrorsItem",
    "IngestMetricsResponse404",
    "IngestMetricsResponse404ErrorsItem",
    "IngestMetricsResponse409",
    "IngestMetricsResponse409ErrorsItem",
    "IngestMetricsResponse413",
    "IngestMetricsResponse413ErrorsItem",
    "IngestMetricsResponse415",
    "IngestMetricsResponse415ErrorsItem",
    "ListCampaignsResponse200",
    "ListCampaignsResponse200ItemsItem",
    "ListCampaignsResponse200ItemsItemParams",
    "ListCampaignsResponse400",
    "ListCampaignsResponse400ErrorsItem",
    "ListCampaignsResponse404",
    "ListCampaignsResponse404ErrorsItem",
    "ListReposResponse200",
    "ListReposResponse200ItemsItem",
    "ListReposResponse400",
    "ListReposResponse400ErrorsItem",
    "ListRunsResponse200",
    "ListRunsResponse200ItemsItem",
    "ListRunsResponse200ItemsItemParams",
    "ListRunsResponse200ItemsItemProvenanceType0",
    "ListRunsResponse200ItemsItemStatus",
    "ListRunsResponse400",
    "ListRunsResponse400ErrorsItem",
    "ListRunsResponse404",
    "ListRunsResponse404ErrorsItem",
    "ListSeriesResponse200",
    "ListSeriesResponse200ItemsItem",
    "ListSeriesResponse200ItemsItemContext",
    "ListSeriesResponse200ItemsItemLastType0Type1",
    "ListSeriesResponse200ItemsItemMaxType0Type1",
    "ListSeriesResponse200ItemsItemMinType0Type1",
    "ListSeriesResponse400",
    "ListSeriesResponse400ErrorsItem",
    "ListSeriesResponse404",
    "ListSeriesResponse404ErrorsItem",
    "PatchCampaignBody",
    "PatchCampaignBodyParams",
    "PatchCampaignResponse200",
    "PatchCampaignResponse200Params",
    "PatchCampaignResponse400",
    "PatchCampaignResponse400ErrorsItem",
    "PatchCampaignResponse404",
    "PatchCampaignResponse404ErrorsItem",
    "PatchCampaignResponse409",
    "PatchCampaignResponse409ErrorsItem",
    "PatchCampaignResponse413",
    "PatchCampaignResponse413ErrorsItem",
    "PatchCampaignResponse415",
    "PatchCampaignResponse415ErrorsItem",
    "PatchRunBody",
    "PatchRunBodyParams",
    "PatchRunBodyStatus",
    "PatchRunBodyTags",
    "PatchRunResponse200",
    "PatchRunResponse200Params",
    "PatchRunResponse200ProvenanceType0",
    "PatchRunResponse200Status",
    "PatchRunResponse400",
    "PatchRunResponse400ErrorsItem",
    "PatchRunResponse404",
    "PatchRunResponse404ErrorsItem",
    "PatchRunResponse413",
    "PatchRunResponse413ErrorsItem",
    "PatchRunResponse415",
    "PatchRunResponse415ErrorsItem",
    "PutRepoBody",
    "PutRepoResponse200",
    "PutRepoResponse201",
    "PutRepoResponse400",
    "PutRepoResponse400ErrorsItem",
    "PutRepoResponse413",
    "PutRepoResponse413ErrorsItem",
    "PutRepoResponse415",
    "PutRepoResponse415ErrorsItem",
    "PutValuesBodyItem",
    "PutValuesBodyItemContext",
    "PutValuesBodyItemValueType4",
    "PutValuesResponse200",
    "PutValuesResponse200ItemsItem",
    "PutValuesResponse200ItemsItemContext",
    "PutValuesResponse200ItemsItemValueType4",
    "PutValuesResponse400",
    "PutValuesResponse400ErrorsItem",
    "PutValuesResponse404",
    "PutValuesResponse404ErrorsItem",
    "PutValuesResponse413",
    "PutValuesResponse413ErrorsItem",
    "PutValuesResponse415",
    "PutValuesResponse415ErrorsItem",
    "QuerySeriesBody",
    "QuerySeriesBodyMetricsItem",
    "QuerySeriesBodyMetricsItemContext",
    "QuerySeriesResponse200",
    "QuerySeriesResponse200ItemsItem",
    "QuerySeriesResponse200ItemsItemBucketsType0Item",
    "QuerySeriesResponse200ItemsItemBucketsType0ItemMaxType0Type1",
    "QuerySeriesResponse200ItemsItemBucketsType0ItemMinType0Type1",
    "QuerySeriesResponse200ItemsItemBucketsType0ItemValueType1",
    "QuerySeriesResponse200ItemsItemContext",
    "QuerySeriesResponse200ItemsItemPointsItem",
    "QuerySeriesResponse200ItemsItemPointsItemValueType1",
    "QuerySeriesResponse200ItemsItemSummary",
    "QuerySeriesResponse200ItemsItemSummaryContext",
    "QuerySeriesResponse200ItemsItemSummaryLastType0Type1",
    "QuerySeriesResponse200ItemsItemSummaryMaxType0Type1",
    "QuerySeriesResponse200ItemsItemSummaryMinType0Type1",
    "QuerySeriesResponse400",
    "QuerySeriesResponse400ErrorsItem",
    "QuerySeriesResponse404",
    "QuerySeriesResponse404ErrorsItem",
    "QuerySeriesResponse415",
    "QuerySeriesResponse415ErrorsItem",
    "ReadSeriesResponse200",
    "ReadSeriesResponse200BucketsType0Item",
    "ReadSeriesResponse200BucketsType0ItemMaxType0Type1",
    "ReadSeriesResponse200BucketsType0ItemMinType0Type1",
    "ReadSeriesResponse200BucketsType0ItemValueType1",
    "ReadSeriesResponse200Context",
    "ReadSeriesResponse200PointsItem",
    "ReadSeriesResponse200PointsItemValueType1",
    "ReadSeriesResponse200Summary",
    "ReadSeriesResponse200SummaryContext",
    "ReadSeriesResponse200SummaryLastType0Type1",
    "ReadSeriesResponse200SummaryMaxType0Type1",
    "ReadSeriesResponse200SummaryMinType0Type1",
    "ReadSeriesResponse400",
    "ReadSeriesResponse400ErrorsItem",
    "ReadSeriesResponse404",
    "ReadSeriesResponse404ErrorsItem",
    "SummarizeCampaignResponse200",
    "SummarizeCampaignResponse200RowsItem",
    "SummarizeCampaignResponse200RowsItemCi95Type0Type1",
    "SummarizeCampaignResponse200RowsItemContext",
    "SummarizeCampaignResponse200RowsItemGroup",
    "SummarizeCampaignResponse200RowsItemMaxType0Type1",
    "SummarizeCampaignResponse200RowsItemMeanType0Type1",
    "SummarizeCampaignResponse200RowsItemMinType0Type1",
    "SummarizeCampaignResponse200RowsItemStdType0Type1",
    "SummarizeCampaignResponse200Select",
    "SummarizeCampaignResponse400",
    "SummarizeCampaignResponse400ErrorsItem",
    "SummarizeCampaignResponse404",
    "SummarizeCampaignResponse404ErrorsItem",
    "SummarizeCampaignSelect",
)

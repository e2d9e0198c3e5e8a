import io.temporal.api.enums.v1.HistoryEventFilterType;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * For bench/temporal-scale.sh: prints every closed Wisp run of the default namespace as "START_MS CLOSE_MS STATUS RUN_ID",
 * one a line (the older list call, which Temporal's test server answers). Run with the wisp jar on the classpath:
 * java -cp wisp.jar bench/TemporalRunTimes.java HOST:PORT
 */
public class TemporalRunTimes {
    public static void main(String[] args) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(args[0]).build());
        com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
        do {
            ListClosedWorkflowExecutionsResponse r = service.blockingStub().listClosedWorkflowExecutions(
                    ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace("default").setMaximumPageSize(1000)
                            .setTypeFilter(WorkflowTypeFilter.newBuilder().setName("WispRun")).setNextPageToken(page)
                            .build());
            for (WorkflowExecutionInfo i : r.getExecutionsList()) {
                // the test server leaves the close time out of the list: the close event has it
                GetWorkflowExecutionHistoryResponse h = service.blockingStub().getWorkflowExecutionHistory(
                        GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace("default")
                                .setExecution(i.getExecution())
                                .setHistoryEventFilterType(HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
                                .build());
                long closed = millis(h.getHistory().getEvents(h.getHistory().getEventsCount() - 1).getEventTime());
                System.out.println(millis(i.getStartTime()) + " " + closed + " "
                        + i.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase() + " "
                        + i.getExecution().getWorkflowId());
            }
            page = r.getNextPageToken();
        } while (!page.isEmpty());
        service.shutdownNow();
    }

    private static long millis(com.google.protobuf.Timestamp t) {
        return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
    }
}

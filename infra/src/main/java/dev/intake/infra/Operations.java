package dev.intake.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * Who hears of trouble, and where an operator looks: one topic every alarm notifies (an e-mail
 * subscriber when the deployment names one), alarms on the runs and on every function, and a
 * dashboard of the pipeline.
 */
final class Operations extends Construct {

    private static final Duration FIVE_MINUTES = Duration.minutes(5);

    private final Topic alarms;
    private final SnsAction action;

    Operations(Construct scope, String id, Optional<String> alarmEmail) {
        super(scope, id);
        alarms = Topic.Builder.create(this, "Alarms").displayName("Intake alarms").build();
        alarmEmail.ifPresent(email -> alarms.addSubscription(new EmailSubscription(email)));
        action = new SnsAction(alarms);
    }

    /** {@code alarm} tells the topic when it goes off and when it is over. */
    void notify(Alarm alarm) {
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
    }

    /** Executions that failed, timed out or were aborted: each is an interview that needs a look. */
    void watch(StateMachine runs) {
        alarm("RunsFailed", "Run executions failed; their interviews' last errors say where and why",
                runs.metricFailed(sum()));
        alarm("RunsTimedOut", "Run executions reached the state machine's timeout; the sweeper resumes or fails"
                + " their interviews", runs.metricTimedOut(sum()));
        alarm("RunsAborted", "Run executions were aborted (by hand, or a deployment)", runs.metricAborted(sum()));
    }

    /**
     * More than a fifth of the interviews that ended in the last hour ended in error: something is
     * wrong for everyone, not one interview (a provider refusing, a bad deploy).
     */
    void watchErrorShare() {
        Metric failed = Metric.Builder.create().namespace("Intake").metricName("InterviewsFailed").statistic("Sum")
                .period(Duration.hours(1)).build();
        Metric ready = Metric.Builder.create().namespace("Intake").metricName("InterviewsReady").statistic("Sum")
                .period(Duration.hours(1)).build();
        notify(Alarm.Builder.create(this, "ErrorShare")
                .alarmDescription("Over 20 % of the interviews that ended in the last hour ended in error; `intake diagnose`"
                        + " one of them, and look at what they share (step, provider)")
                .metric(MathExpression.Builder.create().expression("100 * failed / (failed + ready)")
                        .usingMetrics(Map.of("failed", failed, "ready", ready)).period(Duration.hours(1))
                        .label("share of interviews ending in error (%)").build())
                .threshold(20)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
    }

    /** A function that errors or is throttled (its concurrency is spent): the pipeline slows or stalls. */
    void watch(Function function) {
        // Node ids of functions are already PascalCase (IntakeStack names them so).
        String name = function.getNode().getId();
        alarm(name + "Errors", "Invocations of " + function.getNode().getId() + " failed", function.metricErrors(sum()));
        alarm(name + "Throttles", "Invocations of " + function.getNode().getId() + " were throttled",
                function.metricThrottles(sum()));
    }

    void dashboard(StateMachine runs, Map<String, Function> functions, Queue deadLetters) {
        List<IMetric> errors = new ArrayList<>();
        functions.forEach((name, function) -> {
            if (name.startsWith("step-")) {
                errors.add(function.metricErrors(MetricOptions.builder().statistic("Sum").label(name)
                        .period(FIVE_MINUTES).build()));
            }
        });
        Dashboard.Builder.create(this, "Dashboard").dashboardName("Intake")
                .widgets(List.of(
                        List.of(graph("Interviews reaching ready and error", List.of(
                                        intake("InterviewsReady", "Sum", "ready"), intake("InterviewsFailed", "Sum", "error"))),
                                graph("Interviews stuck (sweeper)", List.of(intake("StuckInterviews", "Maximum", "stuck")))),
                        List.of(graph("Step duration p50 (ms), by step", List.of(search(
                                        "{Intake,outcome,step} MetricName=\"StepDuration\" outcome=\"completed\"", "p50"))),
                                graph("Step duration p95 (ms), by step", List.of(search(
                                        "{Intake,outcome,step} MetricName=\"StepDuration\" outcome=\"completed\"", "p95")))),
                        List.of(graph("Step failures, by step and kind", List.of(search(
                                        "{Intake,kind,step} MetricName=\"StepFailures\"", "Sum"))),
                                graph("Interviews failed, by step", List.of(search(
                                        "{Intake,step} MetricName=\"InterviewsFailed\"", "Sum")))),
                        List.of(graph("Runs", List.of(runs.metricStarted(sum()), runs.metricSucceeded(sum()),
                                        runs.metricFailed(sum()), runs.metricTimedOut(sum()))),
                                graph("Step function errors (crashes)", errors)),
                        List.of(graph("Dead-lettered events", List.of(deadLetters.metricApproximateNumberOfMessagesVisible())))))
                .build();
    }

    /** One of the metrics the functions write as embedded-metric log lines, without dimensions (the totals). */
    private static IMetric intake(String name, String statistic, String label) {
        return Metric.Builder.create().namespace("Intake").metricName(name).statistic(statistic).label(label)
                .period(FIVE_MINUTES).build();
    }

    /** Every series a search finds, one line each (a line per step appears as steps report). */
    private static IMetric search(String query, String statistic) {
        return MathExpression.Builder.create()
                .expression("SEARCH('" + query + "', '" + statistic + "', 300)")
                .usingMetrics(Map.of()).period(FIVE_MINUTES).build();
    }

    private void alarm(String id, String description, IMetric metric) {
        notify(Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(FIVE_MINUTES).build();
    }
}

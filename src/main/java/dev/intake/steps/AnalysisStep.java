package dev.intake.steps;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.intake.store.Interview;
import dev.intake.store.Read;
import dev.intake.store.Reads;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;

/**
 * A step of the analysis's common shape: what it needs is read together (one snapshot, one round trip),
 * the analyzer is asked, and its answer is written through a store into the step's fenced writes,
 * replacing what an earlier run of the step wrote. Nothing is merged into {@code conversation_analysis}.
 * {@link AnalysisSteps} builds the steps of this shape.
 *
 * @param step    the step it does
 * @param reads   where its reads are made together
 * @param reading what it reads
 * @param asking  what it asks the analyzer, given what it read
 * @param writing how it writes the answer, fenced by the step's lease
 * @param <I>     what the step reads
 * @param <O>     what the analyzer answers
 */
record AnalysisStep<I, O>(Step step, Reads reads, AnalysisStep.Reading<I> reading, BiFunction<StepContext, I, O> asking,
                          BiConsumer<StepContext, O> writing) implements StepHandler {

    /** What a step reads for the claimed interview, in one call to {@link Reads#together}. */
    @FunctionalInterface
    interface Reading<I> {
        I read(Interview interview, Reads reads);
    }

    /** The answers of two reads made together. */
    record Two<A, B>(A first, B second) {
    }

    /** The answers of three reads made together. */
    record Three<A, B, C>(A first, B second, C third) {
    }

    static <A, B> Reading<Two<A, B>> together(Function<Interview, Read<A>> first, Function<Interview, Read<B>> second) {
        return (interview, reads) -> {
            Read<A> a = first.apply(interview);
            Read<B> b = second.apply(interview);
            Reads.Results in = reads.together(a, b);
            return new Two<>(in.of(a), in.of(b));
        };
    }

    static <A, B, C> Reading<Three<A, B, C>> together(Function<Interview, Read<A>> first,
                                                      Function<Interview, Read<B>> second,
                                                      Function<Interview, Read<C>> third) {
        return (interview, reads) -> {
            Read<A> a = first.apply(interview);
            Read<B> b = second.apply(interview);
            Read<C> c = third.apply(interview);
            Reads.Results in = reads.together(a, b, c);
            return new Three<>(in.of(a), in.of(b), in.of(c));
        };
    }

    @Override
    public JsonObject run(StepContext context) {
        I in = reading.read(context.interview(), reads);
        writing.accept(context, asking.apply(context, in));
        return new JsonObject();
    }
}

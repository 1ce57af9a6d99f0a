package io.fastship.bench.phase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import io.fastship.bench.flow.GroupLags;
import io.fastship.bench.load.LoadResult;
import io.fastship.bench.load.Schedule;
import io.fastship.bench.report.EndToEndPhase;
import io.fastship.bench.report.SearchPhase;
import io.fastship.bench.search.LagVerdict;
import io.fastship.bench.search.RateSearch;
import io.fastship.bench.timeline.Sample;

/** Tries steady rates ({@link RateSearch}) and judges each one; the stack drains between two rates. */
public final class SearchRunner {

    /** A rate holds only if nearly every order is accepted and the bench kept to its schedule. */
    static final double MAX_NOT_ACCEPTED = 0.01;
    static final double MAX_BEHIND_MS = 1000;

    private final PhaseContext context;
    private final LoadSettings settings;

    public SearchRunner(PhaseContext context, LoadSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    public SearchPhase run() throws InterruptedException {
        RateSearch search = new RateSearch(settings.startRate(), settings.maxRate(), 0.1, settings.maxSteps());
        List<SearchPhase.Step> steps = new ArrayList<>();
        for (OptionalDouble next = search.next(); next.isPresent(); next = search.next()) {
            SearchPhase.Step step = step(next.getAsDouble(), "");
            steps.add(step);
            note(step);
            if (!step.sustained()) {
                // One bad minute (a compaction, a neighbour's build) must not cap the search: a rate fails only
                // when it fails twice in a row.
                context.progress().note("  trying it once more");
                step = step(next.getAsDouble(), " again");
                steps.add(step);
                note(step);
            }
            search.record(step.rate(), step.sustained());
        }
        return new SearchPhase(settings.window().toMillis() / 1000.0, settings.endToEndLimit().toMillis(), steps,
                search.sustainable());
    }

    private void note(SearchPhase.Step step) {
        context.progress().note(String.format(Locale.ROOT, "  %.0f orders/s: %s", step.rate(),
                step.sustained() ? "holds" : "does not hold (" + step.reason() + ")"));
    }

    /** {@code attempt} tells a retry's timeline phase from the first try's, so each is judged on its own samples. */
    private SearchPhase.Step step(double rate, String attempt) throws InterruptedException {
        String phase = String.format(Locale.ROOT, "search %.0f/s%s", rate, attempt);
        context.timeline().phase("settle");
        context.settle("before " + phase);
        context.progress().note("Search: " + phase + " for " + settings.window().toSeconds() + " s");
        context.timeline().phase(phase);
        OrderFlow.Placed placed = context.flow().placeAtRate(phase, rate,
                Schedule.count(rate, settings.window().toMillis() / 1000.0));
        context.timeline().phase(phase + " grace");
        // An order not final by its due time + the limit is too slow anyway; a short grace bounds the step.
        context.flow().awaitFinals("final", placed.dueNanos().keySet(), settings.endToEndLimit().plusSeconds(2));
        EndToEndPhase e2e = EndToEndPhase.of(placed.dueNanos(), context.flow().finals().snapshot(), 0,
                System.nanoTime());
        Map<String, String> lag = new TreeMap<>();
        Map<String, Long> maxLag = new TreeMap<>();
        judgeLag(context.timeline().samples(phase), lag, maxLag);
        context.timeline().phase("drain");
        context.flow().awaitFinals("drain", placed.dueNanos().keySet(), context.finalTimeout());
        return verdict(rate, placed.load(), e2e, lag, maxLag, settings.endToEndLimit().toMillis());
    }

    static void judgeLag(List<Sample> samples, Map<String, String> verdicts, Map<String, Long> maxLag) {
        Map<String, List<LagVerdict.Sample>> byGroup = new HashMap<>();
        double start = samples.isEmpty() ? 0 : samples.get(0).seconds();
        for (Sample sample : samples) {
            sample.lag().forEach((group, reading) -> {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(new LagVerdict.Sample(sample.seconds() - start, reading.lag(), reading.inputEnd()));
                maxLag.merge(group, reading.lag(), Math::max);
            });
        }
        byGroup.forEach((group, series) -> {
            String why = LagVerdict.unbounded(series);
            verdicts.put(group, why == null ? "bounded" : why);
        });
    }

    static SearchPhase.Step verdict(double rate, LoadResult load, EndToEndPhase e2e, Map<String, String> lag,
                                    Map<String, Long> maxLag, double limitMs) {
        long notAccepted = load.sent() - load.accepted();
        List<String> reasons = new ArrayList<>();
        if (notAccepted > MAX_NOT_ACCEPTED * load.sent()) {
            reasons.add(notAccepted + " of " + load.sent() + " not accepted");
        }
        if (load.maxBehindMs() > MAX_BEHIND_MS) {
            reasons.add(String.format(Locale.ROOT, "bench fell %.0f ms behind its schedule", load.maxBehindMs()));
        }
        if (e2e.latency().p99Ms() >= limitMs) {
            reasons.add(String.format(Locale.ROOT, "end-to-end p99 %.0f ms", e2e.latency().p99Ms()));
        }
        lag.forEach((group, verdict) -> {
            if (!verdict.equals("bounded")) {
                reasons.add(group + " " + verdict);
            }
        });
        return new SearchPhase.Step(rate, load.sent(), load.accepted(), notAccepted, load.acceptedPerSec(),
                load.maxBehindMs(), load.latency(), e2e.latency(), e2e.missing(), lag, maxLag, reasons.isEmpty(),
                reasons.isEmpty() ? null : String.join("; ", reasons));
    }
}

package io.fastship.localstack.fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fault to inject into a process of the running stack, e.g. {@code broker-2 kill} or {@code registry down 20s}.
 *
 * @param duration how long a {@code pause} or {@code down} lasts; empty for {@code kill} and {@code restart}
 */
public record Fault(String target, Action action, Optional<Duration> duration) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    /** What the fault does to its target. */
    public enum Action {
        /** SIGKILL; nothing restarts it. */
        KILL(false),
        /** SIGKILL, then start again with the same identity, ports and data. */
        RESTART(false),
        /** SIGSTOP, SIGCONT after the duration: a stalled process. */
        PAUSE(true),
        /** Clean stop, start again after the duration. */
        DOWN(true);

        private final boolean timed;

        Action(boolean timed) {
            this.timed = timed;
        }

        public boolean timed() {
            return timed;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Action parse(String text) {
            String wanted = Objects.requireNonNullElse(text, "").strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(action -> action.wire().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault action '" + text
                            + "' (expected kill, restart, pause DURATION or down DURATION)"));
        }
    }

    public Fault {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(duration, "duration");
        if (target.isBlank()) {
            throw new IllegalArgumentException("fault target must not be blank");
        }
        if (action.timed() && duration.isEmpty()) {
            throw new IllegalArgumentException(action.wire() + " needs a duration, e.g. " + action.wire() + " 20s");
        }
        if (!action.timed() && duration.isPresent()) {
            throw new IllegalArgumentException(action.wire() + " takes no duration");
        }
        duration.ifPresent(d -> {
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("fault duration must be 1 ms..1 h, was " + d);
            }
        });
    }

    /** Parses the words of {@code ./fastship fault TARGET ACTION [DURATION]}. */
    public static Fault parse(String target, String action, String duration) {
        Action parsed = Action.parse(action);
        return new Fault(target.strip(), parsed, duration == null || duration.isBlank()
                ? Optional.empty() : Optional.of(parseDuration(duration)));
    }

    /** {@code 500ms}, {@code 20s}, {@code 2m}; a bare number is seconds. */
    public static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (e.g. 500ms, 20s, 2m)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** How the event log and the CLI name it, e.g. {@code pause broker-2 for 20000 ms}. */
    public String describe() {
        return action.wire() + " " + target + duration.map(d -> " for " + d.toMillis() + " ms").orElse("");
    }
}

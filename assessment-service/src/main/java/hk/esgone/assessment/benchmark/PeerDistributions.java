package hk.esgone.assessment.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import hk.esgone.assessment.benchmark.store.PeerStore;
import hk.esgone.assessment.config.AssessmentProperties;
import reactor.core.publisher.Mono;

/**
 * Each peer group's figures, sorted, kept in memory for a short while ({@code esg.assessment.peer-figures-max-age},
 * one minute by default): a percentile is then two binary searches instead of a round of counts on the database, and
 * a group is read once per minute and instance however many people open their results. Peer figures change only
 * when an assessment is submitted (or re-scored), and a percentile a minute behind the newest submission of the
 * group is as true as a statistic needs to be — except for the company's own figure, which must be in the group:
 * when it is not (the group was read before its submission), the caller reads the group again at once
 * ({@link #fresh}). At most {@value #MAX_GROUPS} groups are kept, the least recently used dropped first.
 */
@Component
public class PeerDistributions {

    static final int MAX_GROUPS = 256;

    private final PeerStore peers;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Held> held = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > MAX_GROUPS;
        }
    };

    PeerDistributions(PeerStore peers, Clock clock, AssessmentProperties properties) {
        this.peers = peers;
        this.clock = clock;
        this.maxAge = properties.peerFiguresMaxAge();
    }

    /** The group's figures, read at most {@code maxAge} ago; concurrent first reads of a group share one query. */
    public Mono<Distribution> of(String group) {
        Instant now = clock.instant();
        synchronized (held) {
            Held h = held.get(group);
            if (h != null && h.readAt().plus(maxAge).isAfter(now)) {
                return h.reading();
            }
        }
        return fresh(group);
    }

    /** The group read again now (the company's own figure was missing from what was held). */
    public Mono<Distribution> fresh(String group) {
        Instant now = clock.instant();
        Mono<Distribution> reading = peers.figuresOf(group).map(Distribution::new).cache();
        synchronized (held) {
            held.put(group, new Held(now, reading));
        }
        // a failed read is not kept: the next request tries again
        return reading.doOnError(e -> {
            synchronized (held) {
                held.remove(group, new Held(now, reading));
            }
        });
    }

    private record Held(Instant readAt, Mono<Distribution> reading) {
    }

    /** One group's figures, each sorted ascending (a figure some peers lack, such as intensity, is shorter). */
    public static final class Distribution {

        private final Map<Figure, long[]> sorted = new EnumMap<>(Figure.class);

        public Distribution(Map<Figure, long[]> values) {
            for (Figure figure : Figure.values()) {
                long[] copy = values.getOrDefault(figure, new long[0]).clone();
                Arrays.sort(copy);
                sorted.put(figure, copy);
            }
        }

        /** Peers that have this figure. */
        public int size(Figure figure) {
            return sorted.get(figure).length;
        }

        /** Peers with exactly this value (the company itself included when it is in the group). */
        public int equal(Figure figure, long value) {
            long[] values = sorted.get(figure);
            return firstAbove(values, value) - firstAtLeast(values, value);
        }

        /** Peers doing worse than this value: lower, or higher for a lower-is-better figure. */
        public int worse(Figure figure, long value) {
            long[] values = sorted.get(figure);
            return figure.lowerIsBetter() ? values.length - firstAbove(values, value) : firstAtLeast(values, value);
        }

        private static int firstAtLeast(long[] values, long value) {
            int low = 0;
            int high = values.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (values[mid] < value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private static int firstAbove(long[] values, long value) {
            int low = 0;
            int high = values.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (values[mid] <= value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}

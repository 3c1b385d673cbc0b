package cq.retirees.registry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Generation is lazy: a stream holds one retiree at a time, so a million need no list and little time. */
class SyntheticRosterStreamingTest {

    @Test
    void aMillionRetireesAreGeneratedAndCountedWithoutAList() {
        SyntheticRoster roster = new SyntheticRoster(51);
        long started = System.nanoTime();

        // count() really generates each row: the stream does not report its size, so it cannot skip the work
        long count = IntStream.range(0, 10).boxed()
                .flatMap(index -> roster.retirees(roster.enterprise(index), 100_000))
                .count();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(1_000_000, count);
        System.out.printf("generated %,d retirees in %d ms (%,.0f rows/s)%n",
                count, took.toMillis(), count / (took.toNanos() / 1e9));
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "took " + took);
    }

    @Test
    void aMillionRetireesStreamThroughTheCsvWriter() {
        SyntheticRoster roster = new SyntheticRoster(52);
        LineCounter sink = new LineCounter();
        long started = System.nanoTime();

        SyntheticRoster.writeCsv(sink, roster.retirees(roster.enterprise(0), 1_000_000));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(1_000_001, sink.lines, "heading row plus one row per retiree");
        System.out.printf("wrote %,d CSV rows (%,d chars) in %d ms (%,.0f rows/s)%n",
                sink.lines - 1, sink.chars, took.toMillis(), (sink.lines - 1) / (took.toNanos() / 1e9));
    }

    @Test
    void retireesAreGeneratedOnlyWhenConsumed() {
        SyntheticRoster roster = new SyntheticRoster(53);

        long taken = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> roster.retirees(roster.enterprise(0), Integer.MAX_VALUE).limit(5).count());

        assertEquals(5, taken);
    }

    /** Keeps nothing but counts, so memory stays flat however many rows pass. */
    private static final class LineCounter implements Appendable {

        long lines;
        long chars;

        @Override
        public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            for (int i = start; i < end; i++) {
                append(text.charAt(i));
            }
            return this;
        }

        @Override
        public Appendable append(char c) {
            chars++;
            if (c == '\n') {
                lines++;
            }
            return this;
        }
    }
}

package cq.retirees.registry.internal.roster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static cq.retirees.registry.internal.roster.RosterFixtures.CHINESE_HEADINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterStreamingTest {

    private static final int ROWS = 200_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsALargeFileRowByRow() {
        GeneratedRoster source = new GeneratedRoster(ROWS);
        long count = 0;
        long lastRowNumber = 0;
        try (RosterReader reader = RosterReader.csv(source, Optional.empty())) {
            RosterRow first = reader.next();
            count++;
            // After the first row only the charset sample and parser buffers have been pulled from the source.
            assertTrue(source.bytesServed < 256 * 1024, "read ahead " + source.bytesServed + " bytes");
            assertEquals("退休人员0", first.value(RosterColumn.NAME));
            while (reader.hasNext()) {
                lastRowNumber = reader.next().rowNumber();
                count++;
            }
        }
        assertEquals(ROWS, count);
        assertEquals(ROWS + 1, lastRowNumber);
        assertTrue(source.bytesServed > 15_000_000, "the whole generated file was read: " + source.bytesServed);
    }

    /** A CSV roster produced a line at a time as it is read, never held whole. */
    private static final class GeneratedRoster extends InputStream {

        private final int rows;
        private int nextRow = -1; // -1 is the heading line
        private byte[] line = new byte[0];
        private int pos;
        long bytesServed;

        GeneratedRoster(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            bytesServed++;
            return line[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, line.length - pos);
            System.arraycopy(line, pos, buffer, offset, n);
            pos += n;
            bytesServed += n;
            return n;
        }

        private boolean fill() {
            if (pos < line.length) {
                return true;
            }
            if (nextRow >= rows) {
                return false;
            }
            String text = nextRow < 0
                    ? CHINESE_HEADINGS + ",联系电话\r\n"
                    : String.format("5001011950%08d,退休人员%d,2010-01-01,91500000MA5U000000,500101,"
                    + "\"重庆市万州区白岩路%d号, 2单元\",500101,138%08d\r\n", nextRow, nextRow, nextRow, nextRow);
            line = text.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            nextRow++;
            return true;
        }
    }
}

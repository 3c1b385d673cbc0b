package cq.retirees.registry.internal.roster;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails a CSV read whose current record grows absurdly long. A stray unclosed quote makes the rest of the file
 * one field, and the CSV parser would buffer all of it (hundreds of MB) before reporting the fault.
 */
final class RecordLengthGuard extends FilterReader {

    /** Far beyond any real roster record (a few hundred characters), far below a memory problem. */
    static final long MAX_RECORD_CHARS = 1 << 20;

    private final long limit;
    private long charsRead;
    private long recordStart;

    RecordLengthGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Signals that parsing is past the record starting at {@code position} (a character offset). */
    void recordStartsAt(long position) {
        recordStart = position;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws RecordTooLongException {
        charsRead += n;
        if (charsRead - recordStart > limit) {
            throw new RecordTooLongException();
        }
    }

    static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("CSV record longer than the limit");
        }
    }
}

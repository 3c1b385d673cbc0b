package cq.retirees.registry.internal.roster;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a retiree roster file (CSV or XLSX) one row at a time, so a file of a million rows never sits in memory.
 *
 * <p>The heading row is the first row that is not blank; it must name every {@linkplain RosterColumn#required()
 * required} column once. Completely blank rows are skipped. The reader owns the stream it is given and closes it
 * on {@link #close()} (or on a failure while opening).
 *
 * <p>File-level faults throw {@link RosterFileException}, from the factories (heading faults) or from
 * {@link #hasNext()} (a break in the file's structure further down). Genuine I/O failures of the underlying stream
 * throw {@link UncheckedIOException}.
 */
public final class RosterReader implements Iterator<RosterRow>, AutoCloseable {

    private final RowSource source;
    private final HeadingRow headings;
    private RosterRow next;

    private RosterReader(RowSource source) {
        this.source = source;
        try {
            this.headings = HeadingRow.of(firstNonBlank(source).cells());
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * A reader of CSV (RFC 4180) bytes. The encoding is UTF-8 if the bytes start with a UTF-8 BOM, else
     * {@code declared} if present (e.g. from {@code Content-Type: text/csv; charset=GB18030}), else UTF-8 if the
     * first 64 KiB are valid UTF-8, else GB18030.
     */
    public static RosterReader csv(InputStream in, Optional<Charset> declared) {
        return new RosterReader(CsvRowSource.open(in, declared));
    }

    /**
     * A reader of the first sheet of an XLSX workbook. The bytes are first copied to a private temporary file,
     * deleted on {@link #close()}: a zip's directory sits at its end, and the XLSX library would otherwise hold the
     * whole stream in memory.
     */
    public static RosterReader xlsx(InputStream in) {
        return new RosterReader(XlsxRowSource.spool(in));
    }

    /** A reader of the first sheet of an XLSX workbook already on disk; the file is left in place. */
    public static RosterReader xlsx(Path file) {
        return new RosterReader(XlsxRowSource.open(file, () -> { }));
    }

    /** The CSV text encoding in use; empty for XLSX. */
    public Optional<Charset> charset() {
        return source.charset();
    }

    /** The recognised columns, in heading order. */
    public List<RosterColumn> columns() {
        return headings.columns();
    }

    /** Headings that name no known column (their cells are ignored), trimmed, in heading order. */
    public List<String> ignoredHeadings() {
        return headings.ignoredHeadings();
    }

    /** @throws RosterFileException {@code ROSTER_UNREADABLE} when the rest of the file cannot be parsed */
    @Override
    public boolean hasNext() {
        while (next == null) {
            SourceRow row = source.next();
            if (row == null) {
                return false;
            }
            if (!row.blank()) {
                next = headings.toRow(row);
            }
        }
        return true;
    }

    @Override
    public RosterRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RosterRow row = next;
        next = null;
        return row;
    }

    @Override
    public void close() {
        source.close();
    }

    private static SourceRow firstNonBlank(RowSource source) {
        for (SourceRow row = source.next(); row != null; row = source.next()) {
            if (!row.blank()) {
                return row;
            }
        }
        throw RosterFileException.empty();
    }

    /** Closes {@code closeable} after a failure, keeping the original failure as the one reported. */
    static void closeAfterFailure(AutoCloseable closeable, Throwable failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}

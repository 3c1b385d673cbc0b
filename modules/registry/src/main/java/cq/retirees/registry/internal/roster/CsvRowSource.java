package cq.retirees.registry.internal.roster;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** CSV records as rows, numbered by record (not line) so quoted line breaks do not shift the numbers. */
final class CsvRowSource implements RowSource {

    /** RFC 4180, keeping empty lines as records so that they count in the row numbering. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    /** What the decoder puts in place of bytes that are not text in the chosen charset. */
    private static final char REPLACEMENT = '\uFFFD';

    private final Charset charset;
    private final RecordLengthGuard guard;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long rowNumber;

    private CsvRowSource(Charset charset, RecordLengthGuard guard, CSVParser parser) {
        this.charset = charset;
        this.guard = guard;
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvRowSource open(InputStream in, Optional<Charset> declared) {
        try {
            CsvCharsetSniffer.Sniffed sniffed = CsvCharsetSniffer.sniff(in, declared);
            // Undecodable bytes become U+FFFD, which next() then rejects: a decoder set to REPORT would fail up to
            // a buffer (8 KiB) early and so name the wrong row.
            InputStreamReader text = new InputStreamReader(sniffed.content(), sniffed.charset());
            RecordLengthGuard guard = new RecordLengthGuard(text, RecordLengthGuard.MAX_RECORD_CHARS);
            CSVParser parser = CSVParser.builder().setReader(guard).setFormat(FORMAT).get();
            return new CsvRowSource(sniffed.charset(), guard, parser);
        } catch (IOException e) {
            RosterReader.closeAfterFailure(in, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            RosterReader.closeAfterFailure(in, e);
            throw e;
        }
    }

    @Override
    public SourceRow next() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw translate(e, rowNumber + 1);
        }
        rowNumber++;
        guard.recordStartsAt(record.getCharacterPosition());
        List<String> cells = record.toList();
        if (cells.stream().anyMatch(cell -> cell.indexOf(REPLACEMENT) >= 0)) {
            // Bytes of another encoding past the 64 KiB sample: fail the file rather than store garbled names.
            throw RosterFileException.unreadable("text is not valid " + charset.name(), rowNumber);
        }
        return new SourceRow(rowNumber, cells);
    }

    /** Faults of the file become {@code ROSTER_UNREADABLE}; failures of the stream itself stay I/O errors. */
    private RuntimeException translate(UncheckedIOException e, long row) {
        Throwable cause = e.getCause();
        if (cause instanceof CSVException) {
            return RosterFileException.unreadable("malformed CSV (unbalanced quotes?)", row);
        }
        if (cause instanceof RecordLengthGuard.RecordTooLongException) {
            return RosterFileException.unreadable("record longer than " + RecordLengthGuard.MAX_RECORD_CHARS
                    + " characters (unclosed quote?)", row);
        }
        return e;
    }

    @Override
    public Optional<Charset> charset() {
        return Optional.of(charset);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cq.retirees.registry.internal.roster;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Rows of an XLSX workbook's first sheet, streamed from the sheet XML, numbered as the sheet numbers them. */
final class XlsxRowSource implements RowSource {

    /**
     * With cell formats, to recognise dates; with parse errors as ERROR cells, so that one odd cell is a row fault
     * for the import to report rather than a file fault.
     */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, true);

    private final ReadableWorkbook workbook;
    private final Stream<Row> rowStream;
    private final Iterator<Row> rows;
    private final XlsxCellText cellText;
    private final Runnable cleanup;
    private long lastRowNumber;

    private XlsxRowSource(ReadableWorkbook workbook, Stream<Row> rowStream, Runnable cleanup) {
        this.workbook = workbook;
        this.rowStream = rowStream;
        this.rows = rowStream.iterator();
        this.cellText = new XlsxCellText(workbook.isDate1904());
        this.cleanup = cleanup;
    }

    /** Copies {@code in} to an owner-only temporary file, read from there and deleted on close. */
    static XlsxRowSource spool(InputStream in) {
        Path copy;
        try (in) {
            copy = privateTempFile();
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(copy);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open(copy, () -> deleteQuietly(copy));
    }

    static XlsxRowSource open(Path file, Runnable cleanup) {
        if (!Files.isRegularFile(file)) {
            cleanup.run();
            throw new UncheckedIOException(new NoSuchFileException(file.toString()));
        }
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(file.toFile(), OPTIONS);
            Optional<Sheet> first = workbook.getSheets().findFirst();
            if (first.isEmpty()) {
                throw RosterFileException.empty();
            }
            return new XlsxRowSource(workbook, first.get().openStream(), cleanup);
        } catch (RosterFileException e) {
            closeQuietly(workbook, cleanup);
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not a zip, or a zip without workbook parts; the library's message is not passed on (see
            // RosterFileException).
            closeQuietly(workbook, cleanup);
            throw RosterFileException.unreadable("not an XLSX workbook (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public SourceRow next() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            lastRowNumber = row.getRowNum();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(cellText.text(row.getOptionalCell(i).orElse(null)));
            }
            return new SourceRow(row.getRowNum(), cells);
        } catch (RuntimeException e) {
            throw RosterFileException.unreadable("damaged worksheet after row " + lastRowNumber
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Optional<Charset> charset() {
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            rowStream.close();
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            cleanup.run();
        }
    }

    private static Path privateTempFile() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Owner-only: the copy holds citizens' personal data.
            return Files.createTempFile("roster-", ".xlsx",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile("roster-", ".xlsx");
    }

    private static void closeQuietly(ReadableWorkbook workbook, Runnable cleanup) {
        try {
            if (workbook != null) {
                workbook.close();
            }
        } catch (IOException ignored) {
            // Already failing; the file fault is what the caller needs.
        } finally {
            cleanup.run();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The temp directory is cleaned by the platform; a leftover file is not worth failing an import for.
        }
    }
}

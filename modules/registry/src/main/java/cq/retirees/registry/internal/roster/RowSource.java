package cq.retirees.registry.internal.roster;

import java.nio.charset.Charset;
import java.util.Optional;

/** The physical rows of one file format, read one at a time; {@link RosterReader} does the rest. */
interface RowSource extends AutoCloseable {

    /**
     * The next physical row, or null at the end of the file.
     *
     * @throws RosterFileException {@code ROSTER_UNREADABLE} when the file's structure is broken
     */
    SourceRow next();

    /** The text encoding, for formats that have one. */
    Optional<Charset> charset();

    @Override
    void close();
}

package cq.retirees.registry.internal.roster;

import java.util.List;

/** A physical row of a roster file: its number and its cells as text, in file order, before column mapping. */
record SourceRow(long number, List<String> cells) {

    /** Whether every cell is blank; such rows are skipped but keep their place in the numbering. */
    boolean blank() {
        return cells.stream().allMatch(cell -> CellText.trim(cell).isEmpty());
    }
}

package cq.retirees.registry.internal;

import java.time.LocalDate;

/** Body of {@code POST /areas}: a new area, or a new meaning of a retired code. */
record AreaDraft(String code, String nameZh, String namePinyin, String kind, LocalDate validFrom) {
}

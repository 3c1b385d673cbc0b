package cq.retirees.registry.internal;

/** Body of {@code POST /enterprises}, and of {@code PATCH /enterprises/{id}} (absent fields keep their value). */
record EnterpriseDraft(String creditCode, String name, String category, String parentId, String insuredAreaCode,
                       String locationAreaCode) {
}

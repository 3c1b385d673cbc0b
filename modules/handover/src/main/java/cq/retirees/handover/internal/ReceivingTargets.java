package cq.retirees.handover.internal;

import cq.retirees.infra.http.FieldError;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.registry.Registry;

import java.util.List;
import java.util.UUID;

/**
 * Where a request says retirees are received: an area code and, optionally, a receiving body registered in that
 * area. Overrides and batches check them the same way; each fault is collected as a field error.
 */
final class ReceivingTargets {

    private final Registry registry;

    ReceivingTargets(Registry registry) {
        this.registry = registry;
    }

    /** The area, or null with an error; with {@code inForce}, an area no longer in force is refused too. */
    AreaCode area(String field, String value, boolean inForce, List<FieldError> errors) {
        try {
            AreaCode code = AreaCode.of(value);
            if (inForce && !registry.areaInForce(code)) {
                errors.add(FieldError.of(field, "AREA_UNKNOWN", code.value()));
            }
            return code;
        } catch (InvalidValueException e) {
            errors.add(FieldError.of(field, e.code()));
            return null;
        }
    }

    /** The body, if one is named: it must be registered in {@code area} (when the area itself was valid). */
    UUID body(String field, String value, AreaCode area, List<FieldError> errors) {
        UUID id = Texts.id(field, value, false, errors);
        if (id != null && registry.receivingBody(id)
                .filter(body -> area == null || body.areaCode().equals(area)).isEmpty()) {
            errors.add(FieldError.of(field, "BODY_NOT_IN_AREA"));
        }
        return id;
    }
}

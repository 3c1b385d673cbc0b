package cq.retirees.registry.internal;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.FreeTextFields;
import cq.retirees.infra.http.Versions;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.kernel.access.Actor;
import cq.retirees.registry.Area;
import cq.retirees.registry.AreaKind;
import cq.retirees.registry.ReceivingBody;
import cq.retirees.registry.ReceivingBodyKind;
import io.helidon.dbclient.DbExecute;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Changes to the area reference data: a new area (or a new meaning of a retired code), the retirement of an area
 * with the successors that take over, and receiving bodies. History is never rewritten.
 */
public final class AreaAdministration {

    private static final int MAX_NAME = 100;
    private static final int MAX_REASON = 500;

    private final AreasDb areas;
    private final ReceivingBodiesDb bodies;
    private final AuditTrail audit;
    private final Clock clock;

    public AreaAdministration(AreasDb areas, ReceivingBodiesDb bodies, AuditTrail audit, Clock clock) {
        this.areas = areas;
        this.bodies = bodies;
        this.audit = audit;
        this.clock = clock;
    }

    Area create(DbExecute tx, Actor actor, String address, AreaDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        AreaCode code = null;
        try {
            code = AreaCode.of(draft.code());
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("code", e.code()));
        }
        String nameZh = requireName("nameZh", draft.nameZh(), errors);
        String namePinyin = requireName("namePinyin", draft.namePinyin(), errors);
        AreaKind kind = kind(draft.kind(), errors);
        if (draft.validFrom() == null) {
            errors.add(FieldError.of("validFrom", "FIELD_REQUIRED"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (areas.openPeriod(tx, code).isPresent()) {
            throw ApiException.conflict("AREA_CODE_IN_FORCE", code.value());
        }
        LocalDate lastRetired = areas.latestRetirement(tx, code).orElse(null);
        if (lastRetired != null && draft.validFrom().isBefore(lastRetired)) {
            throw ApiException.conflict("AREA_PERIOD_OVERLAPS", code.value(), lastRetired.toString());
        }
        long id = areas.insert(tx, code, nameZh, namePinyin, kind, draft.validFrom());
        audit.append(tx, AuditRecord.of(actor, address, "AREA_CREATED", "area", code.value(), Outcome.SUCCESS,
                Map.of("validFrom", draft.validFrom().toString(), "nameZh", nameZh)));
        return areas.byId(tx, id).orElseThrow();
    }

    Area retire(DbExecute tx, Actor actor, String address, AreaCode code, long expectedVersion,
                AreaRetirement retirement) {
        List<FieldError> errors = new ArrayList<>();
        if (retirement.retiredOn() == null) {
            errors.add(FieldError.of("retiredOn", "FIELD_REQUIRED"));
        }
        String reason = FreeTextFields.required("reason", retirement.reason(), FreeText.MULTI_LINE, MAX_REASON,
                "REASON_REQUIRED", errors);
        Set<AreaCode> successors = new LinkedHashSet<>();
        List<String> successorCodes = retirement.successorCodes() == null ? List.of() : retirement.successorCodes();
        if (successorCodes.isEmpty()) {
            errors.add(FieldError.of("successorCodes", "SUCCESSORS_REQUIRED"));
        }
        for (int i = 0; i < successorCodes.size(); i++) {
            String field = "successorCodes[" + i + "]";
            try {
                AreaCode successor = AreaCode.of(successorCodes.get(i));
                if (successor.equals(code)) {
                    errors.add(FieldError.of(field, "SUCCESSOR_IS_SELF"));
                } else if (retirement.retiredOn() != null && areas.on(tx, successor, retirement.retiredOn()).isEmpty()) {
                    errors.add(FieldError.of(field, "SUCCESSOR_UNKNOWN", successor.value()));
                } else {
                    successors.add(successor);
                }
            } catch (InvalidValueException e) {
                errors.add(FieldError.of(field, e.code()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Area open = areas.openPeriod(tx, code).orElseThrow(() -> areas.history(tx, code).isEmpty()
                ? ApiException.notFound("NOT_FOUND", "area")
                : ApiException.conflict("AREA_ALREADY_RETIRED", code.value()));
        if (open.version() != expectedVersion) {
            throw Versions.stale();
        }
        if (open.validFrom() != null && !retirement.retiredOn().isAfter(open.validFrom())) {
            throw ApiException.invalid(FieldError.of("retiredOn", "DATE_INVALID"));
        }
        if (!areas.retire(tx, open.id(), expectedVersion, retirement.retiredOn(), reason,
                List.copyOf(successors))) {
            throw Versions.stale();
        }
        audit.append(tx, AuditRecord.of(actor, address, "AREA_RETIRED", "area", code.value(), Outcome.SUCCESS,
                Map.of("retiredOn", retirement.retiredOn().toString(),
                        "successors", successors.stream().map(AreaCode::value).collect(Collectors.joining(",")))));
        return areas.byId(tx, open.id()).orElseThrow();
    }

    ReceivingBody addReceivingBody(DbExecute tx, Actor actor, String address, AreaCode code, ReceivingBodyDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String nameZh = requireName("nameZh", draft.nameZh(), errors);
        ReceivingBodyKind kind = null;
        try {
            kind = draft.kind() == null ? null : ReceivingBodyKind.valueOf(draft.kind());
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        if (kind == null) {
            errors.add(FieldError.of("kind", "KIND_UNKNOWN", Arrays.toString(ReceivingBodyKind.values())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (areas.on(tx, code, LocalDate.now(clock)).isEmpty()) {
            throw ApiException.conflict("AREA_RETIRED", code.value());
        }
        ReceivingBody body = new ReceivingBody(UUID.randomUUID(), code, nameZh, kind, 1, null);
        if (!bodies.insert(tx, body, actor.userId())) {
            throw ApiException.conflict("RECEIVING_BODY_EXISTS");
        }
        audit.append(tx, AuditRecord.of(actor, address, "RECEIVING_BODY_CREATED", "receiving-body", body.id(),
                Outcome.SUCCESS, Map.of("areaCode", code.value(), "kind", kind.name())));
        return bodies.byId(tx, body.id()).orElseThrow();
    }

    private static String requireName(String field, String value, List<FieldError> errors) {
        return FreeTextFields.required(field, value, FreeText.SINGLE_LINE, MAX_NAME, "NAME_INVALID", errors);
    }

    private static AreaKind kind(String value, List<FieldError> errors) {
        try {
            if (value != null) {
                return AreaKind.valueOf(value);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        errors.add(FieldError.of("kind", "KIND_UNKNOWN", Arrays.toString(AreaKind.values())));
        return null;
    }
}

package cq.retirees.handover.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.Cursor;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.Language;
import cq.retirees.infra.http.Page;
import cq.retirees.infra.http.PageRequest;
import cq.retirees.infra.http.Reply;
import cq.retirees.infra.http.RequestIds;
import cq.retirees.infra.http.Responses;
import cq.retirees.infra.http.Versions;
import cq.retirees.infra.security.Access;
import cq.retirees.infra.security.ClientAddress;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code /petitions} (信访, DOMAIN.md §10): recorded against a plan and optionally a retiree on it, followed by the
 * enterprise, the receiving districts and the municipality until closed.
 */
public final class PetitionRoutes implements ApiService {

    record PetitionDraft(String planId, String retireeId, String channel, String content, String receivedOn,
                         String responsibleUnit) {
    }

    record PetitionChange(String status, String responsibleUnit, String handlingNote) {
    }

    private final PlatformServices platform;
    private final PetitionsDb petitions;
    private final RosterDb roster;
    private final PlanAccess access;
    private final PlanViews views;

    PetitionRoutes(PlatformServices platform, PetitionsDb petitions, RosterDb roster, PlanAccess access,
                   PlanViews views) {
        this.platform = platform;
        this.petitions = petitions;
        this.roster = roster;
        this.access = access;
        this.views = views;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/petitions", this::list),
                ApiRoute.post("/petitions", this::create),
                ApiRoute.get("/petitions/{id}", this::get),
                ApiRoute.patch("/petitions/{id}", this::update));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        PageRequest page = PageRequest.from(request);
        UUID after = page.after(1).map(c -> c.uuidKey(0)).orElse(new UUID(0, 0));
        PetitionStatus status = request.query().first("status").asOptional()
                .map(value -> Texts.kind("status", value, PetitionStatus.class)).orElse(null);
        List<Petition> fetched = petitions.page(platform.db().execute(), ScopeFilter.of(actor.scope()),
                RequestIds.queryId(request, "planId"), status, after, page.fetchSize());
        Page<Petition> result = Page.of(fetched, page, p -> Cursor.of(p.id().toString()));
        Language language = Language.of(request);
        Responses.ok(response, new Page<>(result.items().stream().map(p -> views.petition(p, language)).toList(),
                result.nextCursor()));
    }

    private void create(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.MUNICIPAL_ADMIN, Role.ENTERPRISE_OPERATOR,
                Role.DISTRICT_OPERATOR);
        byte[] body = platform.bodies().bytes(request);
        PetitionDraft draft = JsonBodies.parse(body, PetitionDraft.class);
        List<FieldError> errors = new ArrayList<>();
        UUID planId = Texts.id("planId", draft.planId(), true, errors);
        UUID retireeId = Texts.id("retireeId", draft.retireeId(), false, errors);
        PetitionChannel channel = Texts.kind("channel", draft.channel(), PetitionChannel.class, errors);
        String content = Texts.required("content", draft.content(), Texts.PROSE, errors);
        LocalDate receivedOn = Texts.date("receivedOn", draft.receivedOn(), true, errors);
        if (receivedOn != null && receivedOn.isAfter(LocalDate.now(platform.clock()))) {
            errors.add(FieldError.of("receivedOn", "DATE_IN_FUTURE"));
        }
        String unit = Texts.required("responsibleUnit", draft.responsibleUnit(), Texts.NAME, errors);
        PlanRecords.refuse(errors);
        Plan plan = access.visible(request, planId);
        // A caller who sees part of the roster may only name retirees in that part: the answer must not tell
        // who else is on it.
        if (retireeId != null && roster.byRetiree(platform.db().execute(), plan.id(), retireeId)
                .filter(e -> PlanAccess.wholePlan(actor.scope(), plan)
                        || PlanAccess.coversReceiving(actor.scope(), e.receivingArea(), e.receivingBodyId()))
                .isEmpty()) {
            throw ApiException.invalid(FieldError.of("retireeId", "RETIREE_NOT_ON_PLAN"));
        }
        Language language = Language.of(request);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            Petition petition = new Petition(UUID.randomUUID(), plan.id(), retireeId, channel, content,
                    receivedOn, unit, PetitionStatus.RECEIVED, null, 1, null, null);
            petitions.insert(tx, petition, actor.userId());
            platform.audit().append(tx, AuditRecord.of(actor, ClientAddress.of(request), "PETITION_RECORDED",
                    "petition", petition.id(), Outcome.SUCCESS, Map.of("plan", plan.id().toString())));
            Petition stored = petitions.byId(tx, petition.id()).orElseThrow();
            return Reply.created(views.petition(stored, language), "/api/v1/petitions/" + stored.id(),
                    stored.version());
        });
        Responses.send(response, reply);
    }

    private void get(ServerRequest request, ServerResponse response) {
        Petition petition = visible(request);
        Responses.okVersioned(response, views.petition(petition, Language.of(request)), petition.version());
    }

    private void update(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.MUNICIPAL_ADMIN, Role.ENTERPRISE_OPERATOR,
                Role.DISTRICT_OPERATOR);
        Petition current = visible(request);
        long expected = Versions.expected(request);
        PetitionChange change = platform.bodies().read(request, PetitionChange.class);
        List<FieldError> errors = new ArrayList<>();
        PetitionStatus status = change.status() == null ? current.status()
                : Texts.kind("status", change.status(), PetitionStatus.class, errors);
        String unit = change.responsibleUnit() == null ? current.responsibleUnit()
                : Texts.required("responsibleUnit", change.responsibleUnit(), Texts.NAME, errors);
        String note = change.handlingNote() == null ? current.handlingNote()
                : Texts.optional("handlingNote", change.handlingNote(), Texts.PROSE, errors);
        if (status != null && status.needsHandlingNote() && note == null && !Texts.reported("handlingNote", errors)) {
            errors.add(FieldError.of("handlingNote", "TEXT_REQUIRED", Texts.PROSE.max()));
        }
        PlanRecords.refuse(errors);
        if (current.version() != expected) {
            throw Versions.stale(); // and the checks below hold for the row the update will change
        }
        boolean unchanged = status == current.status() && unit.equals(current.responsibleUnit())
                && Objects.equals(note, current.handlingNote());
        if (current.status() == PetitionStatus.CLOSED && !unchanged) {
            throw ApiException.conflict("PETITION_CLOSED");
        }
        if (!current.status().mayBecome(status)) {
            throw ApiException.conflict("PETITION_TRANSITION_NOT_ALLOWED", current.status().name(), status.name());
        }
        if (unchanged) {
            Responses.okVersioned(response, views.petition(current, Language.of(request)), current.version());
            return; // nothing to change, nothing to audit
        }
        Petition changed = platform.transactions().inTransaction(tx -> {
            if (!petitions.update(tx, current.id(), expected, status, unit, note)) {
                throw Versions.stale();
            }
            platform.audit().append(tx, AuditRecord.of(actor, ClientAddress.of(request), "PETITION_UPDATED",
                    "petition", current.id(), Outcome.SUCCESS, Map.of("status", status.name())));
            return petitions.byId(tx, current.id()).orElseThrow();
        });
        Responses.okVersioned(response, views.petition(changed, Language.of(request)), changed.version());
    }

    /** A petition is visible to whoever may see its plan. */
    private Petition visible(ServerRequest request) {
        UUID id = RequestIds.pathId(request, "petition");
        Petition petition = petitions.byId(platform.db().execute(), id)
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "petition"));
        try {
            access.visible(request, petition.planId());
        } catch (ApiException e) {
            throw ApiException.notFound("NOT_FOUND", "petition");
        }
        return petition;
    }
}

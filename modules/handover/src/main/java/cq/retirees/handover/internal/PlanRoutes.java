package cq.retirees.handover.internal;

import cq.retirees.handover.PlanState;
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
import cq.retirees.registry.Registry;
import io.helidon.dbclient.DbExecute;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /handover-plans}: a plan per enterprise, its transitions, and the records its guards ask for
 * (consultations, objections, risk assessment, three-party mechanism, continuing benefits).
 */
public final class PlanRoutes implements ApiService {

    record PlanDraft(String enterpriseId) {
    }

    record TransitionDraft(String to, String reason, String publicityEndsOn) {
    }

    private final PlatformServices platform;
    private final Registry registry;
    private final PlansDb plans;
    private final PlanRecordsDb records;
    private final PlanAccess access;
    private final PlanLifecycle lifecycle;
    private final PlanRecords planRecords;
    private final PlanViews views;

    PlanRoutes(PlatformServices platform, Registry registry, PlansDb plans, PlanRecordsDb records, PlanAccess access,
               PlanLifecycle lifecycle, PlanRecords planRecords, PlanViews views) {
        this.platform = platform;
        this.registry = registry;
        this.plans = plans;
        this.records = records;
        this.access = access;
        this.lifecycle = lifecycle;
        this.planRecords = planRecords;
        this.views = views;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/handover-plans", this::list),
                ApiRoute.post("/handover-plans", this::create),
                ApiRoute.get("/handover-plans/{id}", this::get),
                ApiRoute.post("/handover-plans/{id}/transitions", this::transition),
                ApiRoute.post("/handover-plans/{id}/consultations", this::consult),
                ApiRoute.get("/handover-plans/{id}/objections", this::objections),
                ApiRoute.post("/handover-plans/{id}/objections", this::raiseObjection),
                ApiRoute.patch("/handover-plans/{id}/objections/{objectionId}", this::answerObjection),
                ApiRoute.put("/handover-plans/{id}/risk-assessment", this::riskAssessment),
                ApiRoute.put("/handover-plans/{id}/three-party-mechanism", this::threeParty),
                ApiRoute.put("/handover-plans/{id}/continuing-benefits", this::benefits));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        PageRequest page = PageRequest.from(request);
        UUID after = page.after(1).map(c -> c.uuidKey(0)).orElse(new UUID(0, 0));
        PlanState state = request.query().first("state").asOptional().map(PlanRoutes::state).orElse(null);
        List<Plan> fetched = plans.page(platform.db().execute(), ScopeFilter.of(actor.scope()),
                RequestIds.queryId(request, "enterpriseId"), state, after, page.fetchSize());
        Page<Plan> result = Page.of(fetched, page, p -> Cursor.of(p.id().toString()));
        Language language = Language.of(request);
        Responses.ok(response, new Page<>(result.items().stream().map(p -> views.summary(p, language)).toList(),
                result.nextCursor()));
    }

    private void create(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.MUNICIPAL_ADMIN, Role.ENTERPRISE_OPERATOR);
        byte[] body = platform.bodies().bytes(request);
        PlanDraft draft = JsonBodies.parse(body, PlanDraft.class);
        List<FieldError> errors = new ArrayList<>();
        UUID enterpriseId = Texts.id("enterpriseId", draft.enterpriseId(), true, errors);
        PlanRecords.refuse(errors);
        if (registry.enterprise(enterpriseId).isEmpty() || !actor.scope().coversEnterprise(enterpriseId)) {
            throw ApiException.invalid(FieldError.of("enterpriseId", "ENTERPRISE_UNKNOWN"));
        }
        Language language = Language.of(request);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            UUID id = UUID.randomUUID();
            if (!plans.insert(tx, id, enterpriseId, actor.userId())) {
                throw ApiException.conflict("ACTIVE_PLAN_EXISTS",
                        plans.activeOf(tx, enterpriseId).map(p -> p.id().toString()).orElse(""));
            }
            platform.audit().append(tx, AuditRecord.of(actor, ClientAddress.of(request), "PLAN_CREATED",
                    "handover-plan", id, Outcome.SUCCESS, Map.of("enterprise", enterpriseId.toString())));
            Plan plan = plans.byId(tx, id).orElseThrow();
            return Reply.created(views.plan(tx, plan, language), "/api/v1/handover-plans/" + id, plan.version());
        });
        Responses.send(response, reply);
    }

    private void get(ServerRequest request, ServerResponse response) {
        Plan plan = access.visible(request, RequestIds.pathId(request, "handover-plan"));
        Responses.okVersioned(response, views.plan(platform.db().execute(), plan, Language.of(request)),
                plan.version());
    }

    private void transition(ServerRequest request, ServerResponse response) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        long expected = Versions.expected(request);
        TransitionDraft draft = platform.bodies().read(request, TransitionDraft.class);
        List<FieldError> errors = new ArrayList<>();
        LocalDate publicityEnds = Texts.date("publicityEndsOn", draft.publicityEndsOn(), false, errors);
        PlanRecords.refuse(errors);
        Plan changed = platform.transactions().inTransaction(tx -> lifecycle.transition(tx, actor,
                ClientAddress.of(request), locked(tx, id), expected,
                new PlanLifecycle.TransitionRequest(draft.to(), draft.reason(), publicityEnds)));
        sendPlan(request, response, changed);
    }

    private void consult(ServerRequest request, ServerResponse response) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        byte[] body = platform.bodies().bytes(request);
        PlanRecords.ConsultationDraft draft = JsonBodies.parse(body, PlanRecords.ConsultationDraft.class);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            Consultation c = planRecords.recordConsultation(tx, actor, ClientAddress.of(request), locked(tx, id), draft);
            return new Reply(201, c, Map.of("Location", "/api/v1/handover-plans/" + id));
        });
        Responses.send(response, reply);
    }

    private void objections(ServerRequest request, ServerResponse response) {
        Plan plan = access.visible(request, RequestIds.pathId(request, "handover-plan"));
        Responses.ok(response, Map.of("items", records.objections(platform.db().execute(), plan.id()).stream()
                .map(PlanViews::objection).toList()));
    }

    private void raiseObjection(ServerRequest request, ServerResponse response) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        byte[] body = platform.bodies().bytes(request);
        PlanRecords.ObjectionDraft draft = JsonBodies.parse(body, PlanRecords.ObjectionDraft.class);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            Objection o = planRecords.raiseObjection(tx, actor, ClientAddress.of(request), locked(tx, id), draft);
            return Reply.created(PlanViews.objection(o), "/api/v1/handover-plans/" + id + "/objections/" + o.id(),
                    o.version());
        });
        Responses.send(response, reply);
    }

    private void answerObjection(ServerRequest request, ServerResponse response) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        UUID objectionId = RequestIds.pathId(request, "objectionId", "objection");
        long expected = Versions.expected(request);
        PlanRecords.AnswerDraft draft = platform.bodies().read(request, PlanRecords.AnswerDraft.class);
        Objection answered = platform.transactions().inTransaction(tx -> {
            Plan plan = locked(tx, id);
            Objection objection = records.objection(tx, id, objectionId)
                    .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "objection"));
            return planRecords.answerObjection(tx, actor, ClientAddress.of(request), plan, objection, expected, draft);
        });
        Responses.okVersioned(response, PlanViews.objection(answered), answered.version());
    }

    private void riskAssessment(ServerRequest request, ServerResponse response) {
        update(request, response, PlanRecords.RiskDraft.class, (tx, plan, expected, draft, actor) ->
                planRecords.setRiskAssessment(tx, actor, ClientAddress.of(request), plan, expected, draft));
    }

    private void threeParty(ServerRequest request, ServerResponse response) {
        update(request, response, PlanRecords.ThreePartyDraft.class, (tx, plan, expected, draft, actor) ->
                planRecords.setThreeParty(tx, actor, ClientAddress.of(request), plan, expected, draft));
    }

    private void benefits(ServerRequest request, ServerResponse response) {
        update(request, response, PlanRecords.BenefitsDraft.class, (tx, plan, expected, draft, actor) ->
                planRecords.setBenefits(tx, actor, ClientAddress.of(request), plan, expected, draft));
    }

    /** One change to a plan's records: If-Match on the plan, the plan locked, the new plan returned. */
    private interface PlanUpdate<D> {
        void apply(DbExecute tx, Plan plan, long expected, D draft, Actor actor);
    }

    private <D> void update(ServerRequest request, ServerResponse response, Class<D> type, PlanUpdate<D> update) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        long expected = Versions.expected(request);
        D draft = platform.bodies().read(request, type);
        Plan changed = platform.transactions().inTransaction(tx -> {
            update.apply(tx, locked(tx, id), expected, draft, actor);
            return plans.byId(tx, id).orElseThrow();
        });
        sendPlan(request, response, changed);
    }

    private void sendPlan(ServerRequest request, ServerResponse response, Plan plan) {
        Responses.okVersioned(response, views.plan(platform.db().execute(), plan, Language.of(request)),
                plan.version());
    }

    private Plan locked(DbExecute tx, UUID id) {
        return plans.lock(tx, id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "handover-plan"));
    }

    private static PlanState state(String value) {
        return Texts.kind("state", value, PlanState.class);
    }
}

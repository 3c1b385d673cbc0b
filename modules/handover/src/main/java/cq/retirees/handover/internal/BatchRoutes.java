package cq.retirees.handover.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.Language;
import cq.retirees.infra.http.Reply;
import cq.retirees.infra.http.RequestIds;
import cq.retirees.infra.http.Responses;
import cq.retirees.infra.http.Versions;
import cq.retirees.infra.security.Access;
import cq.retirees.infra.security.ClientAddress;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.access.Actor;
import io.helidon.dbclient.DbExecute;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Batches of a plan, their handover items, their signatures, and the plan's checklist export. */
public final class BatchRoutes implements ApiService {

    private final PlatformServices platform;
    private final PlansDb plans;
    private final BatchesDb batches;
    private final PlanAccess access;
    private final BatchWork work;
    private final PlanViews views;
    private final ChecklistExport checklist;

    BatchRoutes(PlatformServices platform, PlansDb plans, BatchesDb batches, PlanAccess access, BatchWork work,
                PlanViews views, ChecklistExport checklist) {
        this.platform = platform;
        this.plans = plans;
        this.batches = batches;
        this.access = access;
        this.work = work;
        this.views = views;
        this.checklist = checklist;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/handover-plans/{id}/batches", this::list),
                ApiRoute.post("/handover-plans/{id}/batches", this::open),
                ApiRoute.get("/handover-plans/{id}/checklist", this::checklist),
                ApiRoute.get("/handover-batches/{id}", this::get),
                ApiRoute.patch("/handover-batches/{id}/items/{item}", this::item),
                ApiRoute.post("/handover-batches/{id}/sign", this::sign));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        Plan plan = access.visible(request, RequestIds.pathId(request, "handover-plan"));
        DbExecute db = platform.db().execute();
        Language language = Language.of(request);
        List<Batch> found = batches.ofPlan(db, plan.id(), ScopeFilter.of(actor.scope()),
                PlanAccess.wholePlan(actor.scope(), plan));
        List<UUID> ids = found.stream().map(Batch::id).toList();
        Map<UUID, List<BatchItem>> items = batches.itemsOf(db, ids);
        Map<UUID, Long> members = batches.membersOf(db, ids);
        List<PlanViews.BatchView> shown = found.stream().map(b -> views.batch(b,
                items.getOrDefault(b.id(), List.of()), members.getOrDefault(b.id(), 0L), language)).toList();
        Responses.ok(response, Map.of("items", shown));
    }

    private void open(ServerRequest request, ServerResponse response) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        byte[] body = platform.bodies().bytes(request);
        BatchWork.BatchDraft draft = JsonBodies.parse(body, BatchWork.BatchDraft.class);
        Language language = Language.of(request);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            Plan plan = plans.lock(tx, id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "handover-plan"));
            Batch batch = work.open(tx, actor, ClientAddress.of(request), plan, draft);
            return Reply.created(view(tx, batch, language), "/api/v1/handover-batches/" + batch.id(), batch.version());
        });
        Responses.send(response, reply);
    }

    private void get(ServerRequest request, ServerResponse response) {
        PlanAccess.BatchInPlan bp = access.visibleBatch(request, RequestIds.pathId(request, "handover-batch"));
        Responses.okVersioned(response, view(platform.db().execute(), bp.batch(), Language.of(request)),
                bp.batch().version());
    }

    private void item(ServerRequest request, ServerResponse response) {
        PlanAccess.BatchInPlan bp = access.visibleBatch(request, RequestIds.pathId(request, "handover-batch"));
        Actor actor = access.forEitherSide(request, bp);
        long expected = Versions.expected(request);
        BatchWork.ItemDraft draft = platform.bodies().read(request, BatchWork.ItemDraft.class);
        String item = request.path().pathParameters().get("item");
        Batch changed = platform.transactions().inTransaction(tx -> work.setItem(tx, actor, ClientAddress.of(request),
                lockedBatch(tx, bp.batch().id()), expected, item, draft));
        Responses.okVersioned(response, view(platform.db().execute(), changed, Language.of(request)),
                changed.version());
    }

    private void sign(ServerRequest request, ServerResponse response) {
        PlanAccess.BatchInPlan bp = access.visibleBatch(request, RequestIds.pathId(request, "handover-batch"));
        long expected = Versions.expected(request);
        byte[] body = platform.bodies().bytes(request);
        BatchWork.SignatureDraft draft = JsonBodies.parse(body, BatchWork.SignatureDraft.class);
        SigningSide side = Texts.kind("side", draft.side(), SigningSide.class);
        List<FieldError> errors = new ArrayList<>();
        String signatory = Texts.required("signatory", draft.signatory(), Texts.NAME, errors);
        PlanRecords.refuse(errors);
        Actor actor = access.forSide(request, bp, side);
        Language language = Language.of(request);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            // Lock order everywhere: plan, then batch.
            Plan plan = plans.lock(tx, bp.plan().id()).orElseThrow();
            Batch signed = work.sign(tx, actor, ClientAddress.of(request), plan, lockedBatch(tx, bp.batch().id()),
                    expected, side, signatory);
            return new Reply(200, view(tx, signed, language), Map.of("ETag", Versions.etag(signed.version())));
        });
        Responses.send(response, reply);
    }

    private void checklist(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        Plan plan = access.visible(request, RequestIds.pathId(request, "handover-plan"));
        UUID batchId = RequestIds.queryId(request, "batchId");
        checklist.write(request, response, plan, batchId, actor.scope());
    }

    private PlanViews.BatchView view(DbExecute db, Batch batch, Language language) {
        return views.batch(batch, batches.items(db, batch.id()), batches.members(db, batch.id()), language);
    }

    private Batch lockedBatch(DbExecute tx, UUID id) {
        return batches.lock(tx, id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "handover-batch"));
    }
}

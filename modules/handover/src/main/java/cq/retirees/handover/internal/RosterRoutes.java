package cq.retirees.handover.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.Cursor;
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
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /handover-plans/{id}/roster}: the proposal run, the roster as proposed, and changes to one entry. */
public final class RosterRoutes implements ApiService {

    private final PlatformServices platform;
    private final PlansDb plans;
    private final RosterDb roster;
    private final PlanAccess access;
    private final RosterProposal proposal;
    private final RosterChanges changes;
    private final PlanViews views;

    RosterRoutes(PlatformServices platform, PlansDb plans, RosterDb roster, PlanAccess access, RosterProposal proposal,
                 RosterChanges changes, PlanViews views) {
        this.platform = platform;
        this.plans = plans;
        this.roster = roster;
        this.access = access;
        this.proposal = proposal;
        this.changes = changes;
        this.views = views;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/handover-plans/{id}/roster", this::list),
                ApiRoute.post("/handover-plans/{id}/roster:propose", this::propose),
                ApiRoute.patch("/handover-plans/{id}/roster/{retireeId}", this::change),
                ApiRoute.post("/handover-plans/{id}/cadre-exceptions", this::cadreException));
    }

    /** Enterprise side and citywide callers see the whole roster; district operators what is received with them. */
    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        Plan plan = access.visible(request, RequestIds.pathId(request, "handover-plan"));
        PageRequest page = PageRequest.from(request);
        UUID after = page.after(1).map(c -> c.uuidKey(0)).orElse(new UUID(0, 0));
        List<RosterEntry> fetched = roster.page(platform.db().execute(), plan.id(), ScopeFilter.of(actor.scope()),
                PlanAccess.wholePlan(actor.scope(), plan), after, page.fetchSize());
        Page<RosterEntry> result = Page.of(fetched, page, e -> Cursor.of(e.retireeId().toString()));
        Language language = Language.of(request);
        Responses.ok(response, new Page<>(result.items().stream().map(e -> views.entry(e, language)).toList(),
                result.nextCursor()));
    }

    private void propose(ServerRequest request, ServerResponse response) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        JsonBodies.readLimited(request, 1024); // no parameters; proposing twice gives the same roster
        Responses.ok(response, proposal.propose(actor, ClientAddress.of(request), id));
    }

    private void change(ServerRequest request, ServerResponse response) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        UUID retireeId = RequestIds.pathId(request, "retireeId", "roster-entry");
        long expected = Versions.expected(request);
        RosterChanges.ChangeDraft draft = platform.bodies().read(request, RosterChanges.ChangeDraft.class);
        RosterEntry changed = platform.transactions().inTransaction(tx -> {
            Plan plan = plans.lock(tx, id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "handover-plan"));
            RosterEntry entry = roster.byRetiree(tx, id, retireeId)
                    .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "roster-entry"));
            return changes.change(tx, actor, ClientAddress.of(request), plan, entry, expected, draft);
        });
        Responses.okVersioned(response, views.entry(changed, Language.of(request)), changed.version());
    }

    private void cadreException(ServerRequest request, ServerResponse response) {
        UUID id = RequestIds.pathId(request, "handover-plan");
        access.forEnterpriseSide(request, id);
        Actor actor = Access.actor(request);
        byte[] body = platform.bodies().bytes(request);
        RosterChanges.CadreExceptionDraft draft = JsonBodies.parse(body, RosterChanges.CadreExceptionDraft.class);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            Plan plan = plans.lock(tx, id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "handover-plan"));
            UUID retireeId = changes.recordCadreException(tx, actor, ClientAddress.of(request), plan, draft);
            return new Reply(201, Map.of("planId", id, "retireeId", retireeId, "proposeAgain", true),
                    Map.of("Location", "/api/v1/handover-plans/" + id + "/roster/" + retireeId));
        });
        Responses.send(response, reply);
    }
}

package cq.retirees.registry.internal;

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
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import cq.retirees.kernel.access.Scope;
import cq.retirees.registry.Enterprise;
import cq.retirees.registry.Retiree;
import cq.retirees.registry.RetireeStatus;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code /retirees}: lists within scope, the record, corrections, and the death. */
public final class RetireeRoutes implements ApiService {

    private static final Role[] MAY_REVEAL = {Role.MUNICIPAL_ADMIN, Role.DISTRICT_OPERATOR, Role.ENTERPRISE_OPERATOR};
    private static final Role[] MAY_REGISTER = {Role.MUNICIPAL_ADMIN, Role.ENTERPRISE_OPERATOR};
    private static final Role[] MAY_CORRECT = {Role.MUNICIPAL_ADMIN, Role.ENTERPRISE_OPERATOR, Role.DISTRICT_OPERATOR};

    private final PlatformServices platform;
    private final RetireesDb retirees;
    private final EnterprisesDb enterprises;
    private final RetireeRegistration registration;

    public RetireeRoutes(PlatformServices platform, RetireesDb retirees, EnterprisesDb enterprises,
                         RetireeRegistration registration) {
        this.platform = platform;
        this.retirees = retirees;
        this.enterprises = enterprises;
        this.registration = registration;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/retirees", this::list),
                ApiRoute.post("/retirees", this::create),
                ApiRoute.get("/retirees/{id}", this::get),
                ApiRoute.patch("/retirees/{id}", this::update),
                ApiRoute.post("/retirees/{id}/death", this::death));
    }

    /**
     * A retiree is visible to their enterprise's operators and to the districts they live in or are received by;
     * a district operator narrowed to receiving bodies sees only the retirees those bodies receive.
     */
    static boolean covers(Scope scope, Retiree r) {
        if (scope.citywide() || scope.coversEnterprise(r.enterpriseId())) {
            return true;
        }
        if (!scope.receivingBodies().isEmpty()) {
            return r.receivingBodyId() != null && r.receivingArea() != null
                    && scope.coversReceivingBody(r.receivingBodyId(), r.receivingArea());
        }
        return scope.coversArea(r.residenceArea()) || (r.receivingArea() != null && scope.coversArea(r.receivingArea()));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        Set<RevealableField> reveal = reveal(request, actor);
        PageRequest page = PageRequest.from(request);
        UUID after = page.after(1).map(c -> c.uuidKey(0)).orElse(new UUID(0, 0));
        RetireesDb.Filter filter = filter(request);
        List<Retiree> fetched = retirees.page(platform.db().execute(), ScopeFilter.of(actor.scope()), filter, after,
                page.fetchSize());
        Page<Retiree> result = Page.of(fetched, page, r -> Cursor.of(r.id().toString()));
        auditReveal(request, actor, reveal, result.items());
        Language language = Language.of(request);
        Responses.ok(response, new Page<>(result.items().stream()
                .map(r -> RetireeView.of(r, reveal, platform.messages(), language)).toList(), result.nextCursor()));
    }

    private void create(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, MAY_REGISTER);
        byte[] body = platform.bodies().bytes(request);
        RetireeBody submitted = JsonBodies.parse(body, RetireeBody.class);
        if (submitted.enterpriseId() == null) {
            throw ApiException.invalid(FieldError.of("enterpriseId", "FIELD_REQUIRED"));
        }
        Enterprise enterprise = ownEnterprise(request, submitted.enterpriseId());
        Language language = Language.of(request);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            Retiree created = registration.register(tx, actor, ClientAddress.of(request), enterprise.id(),
                    submitted.draft());
            return Reply.created(RetireeView.of(created, Set.of(), platform.messages(), language),
                    "/api/v1/retirees/" + created.id(), created.version());
        });
        Responses.send(response, reply);
    }

    private void get(ServerRequest request, ServerResponse response) {
        Actor actor = Access.actor(request);
        Retiree retiree = visible(request);
        Set<RevealableField> reveal = reveal(request, actor);
        auditReveal(request, actor, reveal, List.of(retiree));
        Responses.okVersioned(response, RetireeView.of(retiree, reveal, platform.messages(), Language.of(request)),
                retiree.version());
    }

    private void update(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, MAY_CORRECT);
        Retiree current = visible(request);
        long expected = Versions.expected(request);
        RetireeBody changes = platform.bodies().read(request, RetireeBody.class);
        if (!changes.unchangeable().isEmpty()) {
            throw ApiException.invalid(changes.unchangeable().stream()
                    .map(f -> FieldError.of(f, "FIELD_NOT_CHANGEABLE")).toList());
        }
        Retiree changed = platform.transactions().inTransaction(tx -> registration.correct(tx, actor,
                ClientAddress.of(request), current, expected, changes.over(current)));
        Responses.okVersioned(response, RetireeView.of(changed, Set.of(), platform.messages(), Language.of(request)),
                changed.version());
    }

    private void death(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, MAY_CORRECT);
        Retiree current = visible(request);
        long expected = Versions.expected(request);
        DeathRecord body = platform.bodies().read(request, DeathRecord.class);
        Retiree deceased = platform.transactions().inTransaction(tx -> registration.recordDeath(tx, actor,
                ClientAddress.of(request), current, expected, body.deathDate()));
        Responses.okVersioned(response, RetireeView.of(deceased, Set.of(), platform.messages(), Language.of(request)),
                deceased.version());
    }

    record DeathRecord(LocalDate deathDate) {
    }

    private Retiree visible(ServerRequest request) {
        UUID id = RequestIds.pathId(request, "retiree");
        return platform.access().visible(request, retirees.byId(platform.db().execute(), id), RetireeRoutes::covers,
                "retiree", id);
    }

    /** The enterprise a new retiree is registered for: it must exist and be in the caller's scope. */
    private Enterprise ownEnterprise(ServerRequest request, String enterpriseId) {
        UUID id;
        try {
            id = UUID.fromString(enterpriseId);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(FieldError.of("enterpriseId", "ID_INVALID"));
        }
        return platform.access().visible(request, enterprises.byId(platform.db().execute(), id),
                (scope, e) -> scope.coversEnterprise(e.id()), "enterprise", id);
    }

    private Set<RevealableField> reveal(ServerRequest request, Actor actor) {
        Set<RevealableField> reveal = RevealableField.parse(request.query().first("reveal").orElse(null));
        if (!reveal.isEmpty() && !actor.hasAny(MAY_REVEAL)) {
            throw platform.access().refuse(request, "retiree", "-", "REVEAL_NOT_ALLOWED");
        }
        return reveal;
    }

    private void auditReveal(ServerRequest request, Actor actor, Set<RevealableField> reveal, List<Retiree> shown) {
        if (reveal.isEmpty() || shown.isEmpty()) {
            return;
        }
        String fields = reveal.stream().map(RevealableField::parameter).sorted().collect(Collectors.joining(","));
        platform.audit().appendAlone(AuditRecord.of(actor, ClientAddress.of(request), "FIELD_REVEALED", "retiree",
                shown.size() == 1 ? shown.getFirst().id() : null, Outcome.SUCCESS, Map.of("fields", fields,
                        "retireeIds", shown.stream().map(r -> r.id().toString()).collect(Collectors.joining(",")))));
    }

    private RetireesDb.Filter filter(ServerRequest request) {
        // the words are held to the rule names are stored by (and composed alike), or they could never match
        String q = request.query().first("q").asOptional().map(text -> FreeText.SINGLE_LINE.normalise(text, "q"))
                .filter(s -> !s.isEmpty()).orElse(null);
        byte[] idHash = null;
        String name = null;
        if (q != null) {
            // A query that is a valid ID number looks the person up exactly; anything else searches names.
            try {
                idHash = retirees.idNumberHash(ResidentIdNumber.parse(q));
            } catch (InvalidValueException notAnIdNumber) {
                if (q.length() > 50) {
                    throw ApiException.invalid(FieldError.of("q", "TEXT_INVALID", 50));
                }
                name = q;
            }
        }
        return new RetireesDb.Filter(RequestIds.queryId(request, "enterpriseId"), area(request),
                RequestIds.queryId(request, "receivingBodyId"), status(request), idHash, name);
    }

    private static AreaCode area(ServerRequest request) {
        return request.query().first("areaCode").asOptional().map(value -> {
            try {
                return AreaCode.of(value);
            } catch (InvalidValueException e) {
                throw ApiException.invalid(FieldError.of("areaCode", e.code()));
            }
        }).orElse(null);
    }

    private static RetireeStatus status(ServerRequest request) {
        return request.query().first("status").asOptional().map(value -> {
            try {
                return RetireeStatus.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(FieldError.of("status", "KIND_UNKNOWN",
                        java.util.Arrays.toString(RetireeStatus.values())));
            }
        }).orElse(null);
    }
}

package cq.retirees.registry.internal;

import cq.retirees.infra.PlatformServices;
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
import cq.retirees.infra.http.Responses;
import cq.retirees.infra.http.Versions;
import cq.retirees.infra.security.Access;
import cq.retirees.infra.security.ClientAddress;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.CalendarDates;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import cq.retirees.registry.Area;
import cq.retirees.registry.ReceivingBody;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code /areas} and their receiving bodies. Areas are public reference data: every logged-in user reads them. */
public final class AreaRoutes implements ApiService {

    private final PlatformServices platform;
    private final AreasDb areas;
    private final ReceivingBodiesDb bodies;
    private final AreaAdministration administration;

    public AreaRoutes(PlatformServices platform, AreasDb areas, ReceivingBodiesDb bodies,
                      AreaAdministration administration) {
        this.platform = platform;
        this.areas = areas;
        this.bodies = bodies;
        this.administration = administration;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/areas", this::list),
                ApiRoute.post("/areas", this::create),
                ApiRoute.get("/areas/{code}", this::get),
                ApiRoute.post("/areas/{code}/retirement", this::retire),
                ApiRoute.get("/areas/{code}/receiving-bodies", this::listBodies),
                ApiRoute.post("/areas/{code}/receiving-bodies", this::createBody));
    }

    private void list(ServerRequest request, ServerResponse response) {
        Access.actor(request);
        boolean everyPeriod = request.query().first("all").map(Boolean::parseBoolean).orElse(false);
        LocalDate at = everyPeriod ? null : date(request, "at").orElse(LocalDate.now(platform.clock()));
        PageRequest page = PageRequest.from(request);
        Cursor after = page.after(2).orElse(Cursor.of("", "0"));
        Language language = Language.of(request);
        List<Area> fetched = areas.page(platform.db().execute(), at, after.key(0), after.longKey(1), page.fetchSize());
        Page<Area> result = Page.of(fetched, page, a -> Cursor.of(a.code().value(), Long.toString(a.id())));
        Responses.ok(response, new Page<>(result.items().stream().map(a -> view(a, language)).toList(),
                result.nextCursor()));
    }

    private void create(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.PLATFORM_ADMIN, Role.MUNICIPAL_ADMIN);
        byte[] body = platform.bodies().bytes(request);
        AreaDraft draft = JsonBodies.parse(body, AreaDraft.class);
        Language language = Language.of(request);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            Area area = administration.create(tx, actor, ClientAddress.of(request), draft);
            return Reply.created(view(area, language), "/api/v1/areas/" + area.code().value(), area.version());
        });
        Responses.send(response, reply);
    }

    private void get(ServerRequest request, ServerResponse response) {
        Access.actor(request);
        AreaCode code = code(request);
        List<Area> history = areas.history(platform.db().execute(), code);
        if (history.isEmpty()) {
            throw ApiException.notFound("NOT_FOUND", "area");
        }
        Area latest = history.stream().filter(a -> a.retiredOn() == null).findFirst().orElse(history.getLast());
        Language language = Language.of(request);
        Responses.okVersioned(response, new AreaDetails(view(latest, language),
                history.stream().map(a -> view(a, language)).toList()), latest.version());
    }

    private void retire(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.PLATFORM_ADMIN, Role.MUNICIPAL_ADMIN);
        AreaCode code = code(request);
        long expected = Versions.expected(request);
        AreaRetirement retirement = platform.bodies().read(request, AreaRetirement.class);
        Area retired = platform.transactions().inTransaction(tx ->
                administration.retire(tx, actor, ClientAddress.of(request), code, expected, retirement));
        Responses.okVersioned(response, view(retired, Language.of(request)), retired.version());
    }

    private void listBodies(ServerRequest request, ServerResponse response) {
        Access.actor(request);
        AreaCode code = code(request);
        if (areas.history(platform.db().execute(), code).isEmpty()) {
            throw ApiException.notFound("NOT_FOUND", "area");
        }
        PageRequest page = PageRequest.from(request);
        Cursor after = page.after(2).orElse(Cursor.of("", new UUID(0, 0).toString()));
        Language language = Language.of(request);
        List<ReceivingBody> fetched = bodies.page(platform.db().execute(), code, after.key(0), after.uuidKey(1),
                page.fetchSize());
        Page<ReceivingBody> result = Page.of(fetched, page, b -> Cursor.of(b.nameZh(), b.id().toString()));
        Responses.ok(response, new Page<>(result.items().stream().map(b -> view(b, language)).toList(),
                result.nextCursor()));
    }

    private void createBody(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.DISTRICT_OPERATOR, Role.MUNICIPAL_ADMIN);
        AreaCode code = code(request);
        if (areas.history(platform.db().execute(), code).isEmpty()) {
            throw ApiException.notFound("NOT_FOUND", "area");
        }
        platform.access().requireInScope(request, scope -> scope.coversArea(code), "area", code.value());
        byte[] body = platform.bodies().bytes(request);
        ReceivingBodyDraft draft = JsonBodies.parse(body, ReceivingBodyDraft.class);
        Language language = Language.of(request);
        Reply reply = platform.idempotency().execute(request, actor, body, tx -> {
            ReceivingBody created = administration.addReceivingBody(tx, actor, ClientAddress.of(request), code, draft);
            return Reply.created(view(created, language), "/api/v1/areas/" + code.value() + "/receiving-bodies/"
                    + created.id(), created.version());
        });
        Responses.send(response, reply);
    }

    private AreaView view(Area area, Language language) {
        return new AreaView(area.code().value(), area.nameZh(), area.namePinyin(), area.kind().name(),
                platform.messages().label("AreaKind", area.kind().name(), language), area.validFrom(),
                area.retiredOn(), area.retirementReason(), area.successors().stream().map(AreaCode::value).toList(),
                area.inForceOn(LocalDate.now(platform.clock())), area.version());
    }

    private ReceivingBodyView view(ReceivingBody body, Language language) {
        return new ReceivingBodyView(body.id(), body.areaCode().value(), body.nameZh(), body.kind().name(),
                platform.messages().label("ReceivingBodyKind", body.kind().name(), language), body.version(),
                body.createdAt());
    }

    private static AreaCode code(ServerRequest request) {
        try {
            return AreaCode.of(request.path().pathParameters().get("code"));
        } catch (InvalidValueException e) {
            throw ApiException.notFound("NOT_FOUND", "area");
        }
    }

    private static java.util.Optional<LocalDate> date(ServerRequest request, String name) {
        return request.query().first(name).asOptional().map(value -> CalendarDates.parseIso(value)
                .orElseThrow(() -> ApiException.invalid(FieldError.of(name, "DATE_INVALID"))));
    }

    record AreaView(String code, String nameZh, String namePinyin, String kind, String kindLabel, LocalDate validFrom,
                    LocalDate retiredOn, String retirementReason, List<String> successorCodes, boolean inForce,
                    long version) {
    }

    record AreaDetails(AreaView area, List<AreaView> history) {
    }

    record ReceivingBodyView(UUID id, String areaCode, String nameZh, String kind, String kindLabel, long version,
                             java.time.Instant createdAt) {
    }
}

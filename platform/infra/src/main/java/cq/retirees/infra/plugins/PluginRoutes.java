package cq.retirees.infra.plugins;

import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.Responses;
import cq.retirees.infra.plugins.verify.PluginRefusedException;
import cq.retirees.infra.security.Access;
import cq.retirees.infra.security.ClientAddress;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import io.helidon.dbclient.DbClient;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /admin/plugins}: platform administrators install, enable, disable, start, stop and delete plugins. */
public final class PluginRoutes implements ApiService {

    private static final Set<String> JAR_TYPES = Set.of("application/java-archive", "application/x-java-archive",
            "application/octet-stream", "application/zip");

    private final Access access;
    private final PluginAdministration administration;
    private final PluginsDb plugins;
    private final PluginHost host;
    private final DbClient db;
    private final long maxJarBytes;

    PluginRoutes(Access access, PluginAdministration administration, PluginsDb plugins, PluginHost host,
                 DbClient db, long maxJarBytes) {
        this.access = access;
        this.administration = administration;
        this.plugins = plugins;
        this.host = host;
        this.db = db;
        this.maxJarBytes = maxJarBytes;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/admin/plugins", this::list),
                ApiRoute.post("/admin/plugins", this::upload),
                ApiRoute.get("/admin/plugins/{id}", this::get),
                ApiRoute.post("/admin/plugins/{id}/enable", (rq, rs) -> change(rq, rs, administration::enable)),
                ApiRoute.post("/admin/plugins/{id}/disable", (rq, rs) -> change(rq, rs, administration::disable)),
                ApiRoute.post("/admin/plugins/{id}/start", (rq, rs) -> change(rq, rs, administration::start)),
                ApiRoute.post("/admin/plugins/{id}/stop", (rq, rs) -> change(rq, rs, administration::stop)),
                ApiRoute.delete("/admin/plugins/{id}", this::delete));
    }

    /** A plugin as the admin API shows it, with how it fares on the instance that answers. */
    record PluginView(String id, String version, String provider, String description, String requires,
                      String sha256, String source, boolean enabled, boolean started, boolean runningHere,
                      List<DeclaredExtension> extensions, Map<String, String> settings, PluginFailures.Record failures,
                      String changedBy, Instant changedAt, Instant installedAt) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        access.requireAny(request, Role.PLATFORM_ADMIN);
        Responses.ok(response, Map.of("items", plugins.all(db.execute()).stream().map(this::view).toList()));
    }

    private void get(ServerRequest request, ServerResponse response) {
        access.requireAny(request, Role.PLATFORM_ADMIN);
        Responses.ok(response, view(found(request)));
    }

    private void upload(ServerRequest request, ServerResponse response) {
        Actor actor = access.requireAny(request, Role.PLATFORM_ADMIN);
        String type = request.headers().contentType().map(t -> t.mediaType().text()).orElse("");
        if (!JAR_TYPES.contains(type)) {
            throw ApiException.of(415, "UNSUPPORTED_MEDIA_TYPE", type, "application/java-archive");
        }
        byte[] jar = JsonBodies.readLimited(request, maxJarBytes);
        if (jar.length == 0) {
            throw ApiException.badRequest("PLUGIN_JAR_REQUIRED");
        }
        PluginAdministration.Installed installed;
        try {
            installed = administration.install(actor, ClientAddress.of(request), jar, "UPLOAD");
        } catch (PluginRefusedException e) {
            throw refused(e);
        }
        if (installed.created()) {
            response.header(HeaderNames.LOCATION, "/api/v1/admin/plugins/" + installed.plugin().id());
            Responses.send(response, Status.CREATED_201.code(), view(installed.plugin()));
        } else {
            Responses.ok(response, view(installed.plugin()));
        }
    }

    private void change(ServerRequest request, ServerResponse response,
                        TriFunction<Actor, String, String, InstalledPlugin> change) {
        Actor actor = access.requireAny(request, Role.PLATFORM_ADMIN);
        String id = found(request).id();
        Responses.ok(response, view(change.apply(actor, ClientAddress.of(request), id)));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        Actor actor = access.requireAny(request, Role.PLATFORM_ADMIN);
        administration.delete(actor, ClientAddress.of(request), found(request).id());
        response.status(Status.NO_CONTENT_204).send();
    }

    private InstalledPlugin found(ServerRequest request) {
        return plugins.byId(db.execute(), request.path().pathParameters().get("id"))
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "plugin"));
    }

    private PluginView view(InstalledPlugin p) {
        return new PluginView(p.id(), p.version(), p.provider(), p.description(), p.requires(), p.sha256(), p.source(),
                p.enabled(), p.started(), host.runningIds().contains(p.id()), p.extensions(), p.settings(),
                host.failures().of(p.id()), p.changedBy(), p.changedAt(), p.installedAt());
    }

    /** 422 with every reason the verifier or the inspection found, each naming what it is about. */
    private static ApiException refused(PluginRefusedException e) {
        List<FieldError> problems = e.problems().stream()
                .map(p -> FieldError.of(p.subject(), p.code(), p.subject(), p.detail())).toList();
        return new ApiException(422, "PLUGIN_REFUSED", List.of(problems.size()), problems, Map.of());
    }

    @FunctionalInterface
    interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }
}

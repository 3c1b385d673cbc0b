package cq.retirees.registry.internal;

import cq.retirees.infra.http.RequestIds;
import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.CsvCells;
import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.Language;
import cq.retirees.infra.http.Reply;
import cq.retirees.infra.http.Responses;
import cq.retirees.infra.security.ClientAddress;
import cq.retirees.kernel.access.Actor;
import cq.retirees.kernel.access.Role;
import cq.retirees.registry.Enterprise;
import io.helidon.dbclient.DbRow;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** {@code /retirees/imports}: upload a roster, follow its progress, download its rejected rows. */
public final class ImportRoutes implements ApiService {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PlatformServices platform;
    private final RosterImports rosterImports;
    private final ImportsDb imports;
    private final EnterprisesDb enterprises;
    private final long maxBytes;

    public ImportRoutes(PlatformServices platform, RosterImports rosterImports, ImportsDb imports,
                        EnterprisesDb enterprises, long maxBytes) {
        this.platform = platform;
        this.rosterImports = rosterImports;
        this.imports = imports;
        this.enterprises = enterprises;
        this.maxBytes = maxBytes;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/retirees/imports", this::upload),
                ApiRoute.get("/retirees/imports/{id}", this::progress),
                ApiRoute.get("/retirees/imports/{id}/errors", this::errors));
    }

    private void upload(ServerRequest request, ServerResponse response) {
        Actor actor = platform.access().requireAny(request, Role.MUNICIPAL_ADMIN, Role.ENTERPRISE_OPERATOR);
        UUID enterpriseId = Optional.ofNullable(RequestIds.queryId(request, "enterpriseId"))
                .orElseThrow(() -> ApiException.invalid(FieldError.of("enterpriseId", "FIELD_REQUIRED")));
        Enterprise enterprise = platform.access().visible(request,
                enterprises.byId(platform.db().execute(), enterpriseId),
                (scope, e) -> scope.coversEnterprise(e.id()), "enterprise",
                enterpriseId);
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        RosterImports.Format format = format(contentType);
        Optional<Charset> declared = format == RosterImports.Format.CSV ? charset(contentType) : Optional.empty();
        RosterImports.Upload upload = rosterImports.spool(request.content().inputStream(), maxBytes);
        Reply reply;
        try {
            reply = platform.idempotency().executeForDigest(request, actor, upload.sha256(), tx -> {
                rosterImports.register(tx, actor, ClientAddress.of(request), enterprise, upload, format, declared);
                return new Reply(202, Map.of("id", upload.id(), "status", "RECEIVED"),
                        Map.of("Location", "/api/v1/retirees/imports/" + upload.id()));
            });
        } catch (RuntimeException e) {
            rosterImports.discard(upload);
            throw e;
        }
        if (reply.headers().containsKey("Idempotency-Replayed")) {
            rosterImports.discard(upload); // the first request's upload is the one being imported
        } else {
            rosterImports.start(upload.id());
        }
        Responses.send(response, reply);
    }

    private void progress(ServerRequest request, ServerResponse response) {
        ImportsDb.ImportRun run = visible(request);
        Responses.ok(response, new ImportView(run.id(), run.enterpriseId(), run.status(), run.format(), run.charset(),
                run.rowsRead(), run.rowsCreated(), run.rowsUpdated(), run.rowsUnchanged(), run.rowsRejected(),
                run.ignoredHeadings() == null || run.ignoredHeadings().isEmpty() ? List.of()
                        : List.of(run.ignoredHeadings().split(",")),
                run.failureCode() == null ? null : new Failure(run.failureCode(),
                        platform.messages().detail(run.failureCode(), List.of(), Language.of(request)),
                        run.failureDetails() == null || run.failureDetails().isEmpty() ? List.of()
                                : List.of(run.failureDetails().split(","))),
                run.fileBytes(), run.createdAt(), run.startedAt(), run.finishedAt()));
    }

    /** Rejected rows as CSV (UTF-8 with BOM, so spreadsheets open it right), headings in the caller's language. */
    private void errors(ServerRequest request, ServerResponse response) {
        ImportsDb.ImportRun run = visible(request);
        Language language = Language.of(request);
        response.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
        response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"import-" + run.id() + "-errors.csv\"");
        try (OutputStream out = response.outputStream();
             Writer csv = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
             Stream<DbRow> rows = imports.errors(platform.db().execute(), run.id())) {
            csv.write('\uFEFF');
            csv.write(language == Language.EN ? "rowNumber,field,code,reason\r\n" : "行号,字段,原因代码,原因\r\n");
            for (DbRow row : (Iterable<DbRow>) rows::iterator) {
                String code = Rows.string(row, "code");
                CsvCells.writeRow(csv, List.of(Long.toString(Rows.longValue(row, "row_number")),
                        Rows.string(row, "field"), code, platform.messages().detail(code, List.of(), language)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An import is visible to whoever sees its enterprise (citywide scopes see every enterprise). */
    private ImportsDb.ImportRun visible(ServerRequest request) {
        UUID id = RequestIds.pathId(request, "roster-import");
        return platform.access().visible(request, imports.byId(platform.db().execute(), id),
                (scope, run) -> scope.coversEnterprise(run.enterpriseId()), "roster-import", id);
    }

    private static RosterImports.Format format(String contentType) {
        String media = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (media) {
            case "text/csv", "application/csv" -> RosterImports.Format.CSV;
            case XLSX -> RosterImports.Format.XLSX;
            default -> throw ApiException.of(415, "UNSUPPORTED_MEDIA_TYPE", media.isEmpty() ? "-" : media,
                    "text/csv, " + XLSX);
        };
    }

    private static Optional<Charset> charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").trim();
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid(FieldError.of("charset", "CHARSET_UNKNOWN", name));
                }
            }
        }
        return Optional.empty();
    }

    record ImportView(UUID id, UUID enterpriseId, String status, String format, String charset, long rowsRead,
                      long rowsCreated, long rowsUpdated, long rowsUnchanged, long rowsRejected,
                      List<String> ignoredHeadings, Failure failure, long fileBytes, Instant createdAt,
                      Instant startedAt, Instant finishedAt) {
    }

    record Failure(String code, String message, List<String> details) {
    }
}

package cq.retirees.handover.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.CsvCells;
import cq.retirees.infra.http.Language;
import cq.retirees.infra.http.Messages;
import cq.retirees.infra.http.SpreadsheetCells;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Scope;
import cq.retirees.registry.Area;
import cq.retirees.registry.ReceivingBody;
import cq.retirees.registry.Registry;
import cq.retirees.registry.Retiree;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.dbclient.DbExecute;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The handover checklist (交接清单) of a plan or one batch, as CSV (UTF-8 with a byte-order mark, so spreadsheets
 * read the Chinese) or XLSX with a second sheet of handover items. Headings are the official Chinese ones whatever
 * the request's language; ID numbers are masked. Every cell of both formats is {@link SpreadsheetCells#text} (CSV
 * through {@link CsvCells}): no formula is evaluated, no control character reaches the file.
 */
final class ChecklistExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType CSV_TYPE = MediaTypes.create("text/csv");
    private static final MediaType XLSX_TYPE = MediaTypes.create(XLSX);
    static final List<String> HEADINGS = List.of("序号", "批次编号", "姓名", "公民身份号码", "居住区县", "居住街道",
            "接收区县", "接收单位", "提议依据", "调整理由", "生效日期", "交接状态");
    static final List<String> ITEM_HEADINGS = List.of("批次编号", "接收区县", "接收单位", "交接事项", "状态", "备注",
            "企业签字人", "接收方签字人");
    private static final int LOOKUP_CHUNK = 1000;

    private final PlatformServices platform;
    private final Registry registry;
    private final RosterDb roster;
    private final BatchesDb batches;
    private final Messages messages;

    ChecklistExport(PlatformServices platform, Registry registry, RosterDb roster, BatchesDb batches) {
        this.platform = platform;
        this.registry = registry;
        this.roster = roster;
        this.batches = batches;
        this.messages = platform.messages();
    }

    /** Writes what {@code scope} may see: all of the plan, or what is received in the caller's areas. */
    void write(ServerRequest request, ServerResponse response, Plan plan, UUID batchId, Scope scope) {
        boolean xlsx = wantsXlsx(request);
        boolean wholePlan = PlanAccess.wholePlan(scope, plan);
        DbExecute db = platform.db().execute();
        List<Batch> visibleBatches = batches.ofPlan(db, plan.id(), ScopeFilter.of(scope), wholePlan).stream()
                .filter(b -> batchId == null || b.id().equals(batchId)).toList();
        if (batchId != null && visibleBatches.isEmpty()) {
            throw ApiException.notFound("NOT_FOUND", "handover-batch");
        }
        Set<UUID> batchIds = visibleBatches.stream().map(Batch::id).collect(Collectors.toSet());
        List<RosterEntry> entries = new ArrayList<>();
        roster.forEach(db, plan.id(), batchId, e -> {
            if (!e.removed() && (wholePlan || (e.batchId() != null && batchIds.contains(e.batchId()))
                    || (e.batchId() == null && PlanAccess.coversReceiving(scope, e.receivingArea(),
                            e.receivingBodyId())))) {
                entries.add(e);
            }
        });
        Lookups lookups = new Lookups();
        List<List<String>> rows = new ArrayList<>(entries.size());
        Map<UUID, Batch> byId = new HashMap<>();
        visibleBatches.forEach(b -> byId.put(b.id(), b));
        for (int from = 0; from < entries.size(); from += LOOKUP_CHUNK) {
            List<RosterEntry> chunk = entries.subList(from, Math.min(entries.size(), from + LOOKUP_CHUNK));
            // The registry's current name: a name corrected after the roster closed is what the signatories see.
            Map<UUID, Retiree> current = new HashMap<>();
            for (Retiree r : registry.retirees(chunk.stream().map(RosterEntry::retireeId).toList())) {
                current.put(r.id(), r);
            }
            for (RosterEntry e : chunk) {
                Batch batch = e.batchId() == null ? null : byId.get(e.batchId());
                Retiree retiree = current.get(e.retireeId());
                rows.add(List.of(String.valueOf(rows.size() + 1), e.batchId() == null ? "" : e.batchId().toString(),
                        retiree == null ? e.retireeName() : retiree.name(),
                        retiree == null ? "" : retiree.idNumber().masked(), lookups.area(e.residenceArea()),
                        nullToEmpty(e.residenceStreet()), lookups.area(e.receivingArea()),
                        lookups.body(e.receivingBodyId()), label("ReceivingReason", e.reasonCode()),
                        nullToEmpty(e.overrideReason()),
                        batch == null ? "" : batch.effectiveOn().toString(), status(e)));
            }
        }
        List<List<String>> items = new ArrayList<>();
        Map<UUID, List<BatchItem>> itemsByBatch = batches.itemsOf(db, batchIds);
        for (Batch b : visibleBatches) {
            for (BatchItem item : itemsByBatch.getOrDefault(b.id(), List.of())) {
                items.add(List.of(b.id().toString(), lookups.area(b.receivingArea()), lookups.body(b.receivingBodyId()),
                        label("HandoverItem", item.item().name()), label("ItemStatus", item.status().name()),
                        nullToEmpty(item.note()), nullToEmpty(b.enterpriseSignatory()),
                        nullToEmpty(b.receivingSignatory())));
            }
        }
        String name = "handover-checklist-" + (batchId == null ? plan.id() : batchId);
        response.header(HeaderNames.CONTENT_TYPE, xlsx ? XLSX : "text/csv; charset=UTF-8");
        response.header(HeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name + (xlsx ? ".xlsx" : ".csv") + "\"");
        try (OutputStream out = response.outputStream()) {
            if (xlsx) {
                writeXlsx(out, rows, items);
            } else {
                writeCsv(out, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV unless the client prefers XLSX ({@code Accept} with its q-values; none at all means CSV). */
    private static boolean wantsXlsx(ServerRequest request) {
        MediaType chosen = request.headers().bestAccepted(CSV_TYPE, XLSX_TYPE)
                .orElseThrow(() -> ApiException.of(406, "EXPORT_FORMAT_UNSUPPORTED", "text/csv, " + XLSX));
        return chosen.equals(XLSX_TYPE);
    }

    private static void writeCsv(OutputStream out, List<List<String>> rows) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CsvCells.writeRow(writer, HEADINGS);
        for (List<String> row : rows) {
            CsvCells.writeRow(writer, row);
        }
        writer.flush();
    }

    private static void writeXlsx(OutputStream out, List<List<String>> rows, List<List<String>> items)
            throws IOException {
        Workbook workbook = new Workbook(out, "retirees-platform", "1.0");
        sheet(workbook.newWorksheet("交接清单"), HEADINGS, rows);
        sheet(workbook.newWorksheet("交接事项"), ITEM_HEADINGS, items);
        workbook.finish();
    }

    private static void sheet(Worksheet sheet, List<String> headings, List<List<String>> rows) {
        for (int c = 0; c < headings.size(); c++) {
            sheet.value(0, c, headings.get(c));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                sheet.value(r + 1, c, SpreadsheetCells.text(row.get(c)));
            }
        }
    }

    private String status(RosterEntry e) {
        String code = e.receivedOn() != null ? "RECEIVED" : e.batchId() != null ? "IN_BATCH" : "NOT_BATCHED";
        return label("ChecklistStatus", code);
    }

    private String label(String type, String code) {
        return code == null ? "" : messages.label(type, code, Language.ZH_CN);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Area and body names, looked up once per export. */
    private final class Lookups {
        private final Map<AreaCode, String> areas = new HashMap<>();
        private final Map<UUID, String> bodies = new HashMap<>();
        private final LocalDate today = LocalDate.now(platform.clock());

        String area(AreaCode code) {
            return areas.computeIfAbsent(code, c -> registry.areaOn(c, today).map(Area::nameZh)
                    .map(n -> n + "（" + c.value() + "）").orElse(c.value()));
        }

        String body(UUID id) {
            return id == null ? "" : bodies.computeIfAbsent(id, b -> registry.receivingBody(b)
                    .map(ReceivingBody::nameZh).orElse(b.toString()));
        }
    }
}
